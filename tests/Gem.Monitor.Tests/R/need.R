# Reference values for the social monitor's need-and-deprivation model (issue 19), computed with base R.
# Usage: Rscript need.R <outdir> [<need_input.csv>]
# Input: written by Gem.Monitor (NeedModel.WriteInputs): GGZ euro per insured person-year (Vektis 2022), % adults with
# psychological complaints (MHI-5 <= 60, CBS Gezondheidsmonitor 2022, 85563NED), SES-WOA 2022 and households per gemeente.
# Writes semicolon CSV with 17 significant digits; NeedModelTests compare C# with them to within 1e-6, and
# RCrossCheckTests re-run this script when Rscript is on PATH.
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "golden"
input <- if (length(args) >= 2) args[2] else file.path(out, "need_input.csv")
dir.create(out, showWarnings = FALSE, recursive = TRUE)
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
write_table <- function(df, name) {
  df[] <- lapply(df, function(col) if (is.numeric(col)) fmt(col) else col)
  write.table(df, file.path(out, name), sep = ";", quote = FALSE, row.names = FALSE)
}
d <- read.table(input, sep = ";", header = TRUE, quote = "", comment.char = "", stringsAsFactors = FALSE, encoding = "UTF-8")
fit <- lm(ggz_per_verzekerdejaar ~ psychische_klachten + ses_woa, data = d, weights = huishoudens)
s <- summary(fit)
co <- coef(s)
write_table(data.frame(term = rownames(co), estimate = co[, 1], std_error = co[, 2]), "need_coefficients.csv")
write_table(data.frame(sigma = s$sigma, r_squared = s$r.squared, df = fit$df.residual), "need_summary.csv")
write_table(data.frame(gemeente = d$gemeente, fitted = fitted(fit)), "need_fitted.csv")
# The deprivation-only model on the same gemeenten, for the comparison the page shows.
dep <- summary(lm(ggz_per_verzekerdejaar ~ ses_woa, data = d, weights = huishoudens))
write_table(data.frame(r_squared = dep$r.squared, sigma = dep$sigma), "need_deprivation_only.csv")
