# The monitor's PC4 indicators in R data.table (bench baseline; no statistics, no disclosure control).
# Usage: Rscript indicators.R <microdata dir> <out.csv>   (Debian: r-base-core, r-cran-data.table)
suppressPackageStartupMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
files <- sort(list.files(args[1], pattern = "^synthetisch_microdata_[0-9]{4}\\.csv$", full.names = TRUE))
setDTthreads(0L)
parts <- lapply(files, function(f) {
  d <- fread(f, drop = "persoon_id", colClasses = list(character = c("pc4", "leeftijdsklasse", "geslacht", "zorgtype")), showProgress = FALSE)
  d[, .(inwoners = .N,
        patienten = sum(kosten_ggz > 0),
        kosten = sum(kosten_ggz),
        kosten_ernstig = sum(kosten_ggz[ernstig]),
        kosten_basis = sum(kosten_basis_ggz),
        kosten_specialistisch = sum(kosten_specialistische_ggz),
        opnames = sum(opnames),
        verplicht = sum(verplichte_opnames),
        heropnames = sum(heropnames_30d),
        draaideur = sum(opnames >= 3),
        uitval = sum(uitval)),
    by = .(jaar, pc4)]
})
a <- rbindlist(parts)
a[, `:=`(ggz_kosten_per_inwoner = kosten / inwoners,
         ggz_kosten_per_patient = kosten / patienten,
         behandelde_prevalentie = patienten / inwoners,
         fractie_ernstig = kosten_ernstig / kosten,
         fractie_basis_ggz = kosten_basis / kosten,
         fractie_specialistische_ggz = kosten_specialistisch / kosten,
         verplichte_opnames_per_10000 = 10000 * verplicht / inwoners,
         heropname_fractie = heropnames / opnames,
         draaideur_per_10000 = 10000 * draaideur / inwoners,
         uitval_fractie = uitval / patienten)]
setorder(a, jaar, pc4)
fwrite(a[, .(jaar, pc4, inwoners, patienten, ggz_kosten_per_inwoner, ggz_kosten_per_patient, behandelde_prevalentie,
             fractie_ernstig, fractie_basis_ggz, fractie_specialistische_ggz, verplichte_opnames_per_10000,
             heropname_fractie, draaideur_per_10000, uitval_fractie)], args[2], sep = ";")
cat(sprintf("R data.table: %d PC4-years, %.0f person-years\n", nrow(a), sum(as.numeric(a$inwoners))))
