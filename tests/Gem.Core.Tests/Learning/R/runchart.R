# Reference values for Gem.Core.Learning.RunChart, computed with base R only (no qicharts2 needed).
# Usage: Rscript runchart.R <outdir>
# Writes semicolon-separated files with 17 significant digits; the committed copies are in golden/ and
# RunChartRTests compares C# with them (and re-runs this script when Rscript is on PATH).
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "golden"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

# 1. Anhøj limits for n = 10..100 useful observations (Anhøj & Olesen 2014; qicharts2 uses the same formulas).
n <- 10:100
limits <- data.frame(n = n, longest_run_max = round(log2(n) + 3), crossings_min = qbinom(0.05, n - 1, 0.5))
write.table(limits, file.path(out, "anhoej_limits.csv"), sep = ";", quote = FALSE, row.names = FALSE)

# 2. Series with known behaviour: random-looking, a shift, a trend, too few crossings, an outlier, points on the median.
set.seed(16)
series <- list(
  noise      = round(rnorm(24, 50, 5), 1),
  shift      = c(round(rnorm(12, 40, 3), 1), round(rnorm(12, 48, 3), 1)),
  trend      = round(seq(10, 33, length.out = 24) + rnorm(24, 0, 1), 1),
  oscillate  = rep(c(1, 3), 10),
  onmedian   = c(5, 5, 5, 4, 6, 5, 7, 3, 5, 5, 8, 2, 5, 9, 5, 5, 6, 4, 5, 5),
  outlier    = c(20, 21, 19, 22, 20, 21, 18, 20, 22, 19, 21, 20, 45, 20, 21, 19),
  baseline   = c(30, 32, 29, 31, 33, 30, 28, 31, 30, 32, 38, 39, 40, 37, 41, 39, 38, 40, 42, 39),
  share      = c(0.61, 0.64, 0.58, 0.66, 0.62, 0.6, 0.63, 0.59, 0.65, 0.62, 0.61, 0.64, 0.7, 0.72, 0.71, 0.74, 0.73, 0.75, 0.72, 0.76, 0.74, 0.77, 0.75, 0.78)
)
baselines <- c(noise = NA, shift = 12, trend = NA, oscillate = NA, onmedian = NA, outlier = NA, baseline = 10, share = 12)

rows <- list()
for (id in names(series)) {
  y <- series[[id]]
  b <- if (is.na(baselines[[id]])) length(y) else baselines[[id]]
  base <- y[seq_len(b)]
  cl <- median(base)
  s <- sign(y - cl)
  u <- s[s != 0]
  nu <- length(u)
  r <- rle(u)
  longest <- max(r$lengths)
  crossings <- sum(diff(u) != 0)
  run_max <- round(log2(nu) + 3)
  cross_min <- qbinom(0.05, nu - 1, 0.5)
  long_run <- nu >= 10 && longest > run_max
  few_cross <- nu >= 10 && crossings < cross_min
  # NHS Scotland shift: >= 6 consecutive useful points on one side; report the 0-based indices in the series.
  idx <- which(s != 0)
  ends <- cumsum(r$lengths)
  starts <- ends - r$lengths + 1
  shift_idx <- unlist(lapply(which(r$lengths >= 6), function(k) idx[starts[k]:ends[k]] - 1))
  # Shewhart individuals chart from the baseline.
  m <- mean(base)
  sigma <- mean(abs(diff(base))) / 1.128
  ucl <- m + 3 * sigma
  lcl <- m - 3 * sigma
  outside <- which(y > ucl | y < lcl) - 1
  rows[[id]] <- data.frame(id = id, baseline = b, median = fmt(cl), useful = nu, longest_run = longest, longest_run_max = run_max,
    crossings = crossings, crossings_min = cross_min, long_run = long_run, few_crossings = few_cross,
    shift_points = paste(shift_idx, collapse = " "), mean = fmt(m), sigma = fmt(sigma), ucl = fmt(ucl), lcl = fmt(lcl),
    outside = paste(outside, collapse = " "))
}
write.table(do.call(rbind, rows), file.path(out, "runchart.csv"), sep = ";", quote = FALSE, row.names = FALSE)
values <- data.frame(id = names(series), values = sapply(series, function(y) paste(fmt(y), collapse = " ")))
write.table(values, file.path(out, "series.csv"), sep = ";", quote = FALSE, row.names = FALSE)
