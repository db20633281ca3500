-- The monitor's PC4 indicators as one plain DuckDB SQL script (bench baseline; no statistics, no disclosure control).
-- {{INPUT}} is the microdata source (read_csv over synthetisch_microdata_*.csv), {{OUTPUT}} the result CSV.
COPY (
    SELECT jaar, pc4,
           count(*) AS inwoners,
           count(*) FILTER (WHERE kosten_ggz > 0) AS patienten,
           sum(kosten_ggz) / count(*) AS ggz_kosten_per_inwoner,
           sum(kosten_ggz) / nullif(count(*) FILTER (WHERE kosten_ggz > 0), 0) AS ggz_kosten_per_patient,
           count(*) FILTER (WHERE kosten_ggz > 0) / count(*) AS behandelde_prevalentie,
           sum(kosten_ggz) FILTER (WHERE ernstig) / nullif(sum(kosten_ggz), 0) AS fractie_ernstig,
           sum(kosten_basis_ggz) / nullif(sum(kosten_ggz), 0) AS fractie_basis_ggz,
           sum(kosten_specialistische_ggz) / nullif(sum(kosten_ggz), 0) AS fractie_specialistische_ggz,
           10000.0 * sum(verplichte_opnames) / count(*) AS verplichte_opnames_per_10000,
           sum(heropnames_30d) / nullif(sum(opnames), 0) AS heropname_fractie,
           10000.0 * count(*) FILTER (WHERE opnames >= 3) / count(*) AS draaideur_per_10000,
           count(*) FILTER (WHERE uitval) / nullif(count(*) FILTER (WHERE kosten_ggz > 0), 0) AS uitval_fractie
    FROM {{INPUT}}
    GROUP BY jaar, pc4
    ORDER BY jaar, pc4
) TO '{{OUTPUT}}' (HEADER, DELIMITER ';');
