# Reference values for Gem.Monitor's statistics, computed with base R (no extra packages).
# Usage: Rscript reference.R <outdir> [<wls_input.csv>]
# Writes CSV files (semicolon, '.' decimal, 17 significant digits) that the C# tests compare to within 1e-6.
# The committed copies live in tests/Gem.Monitor.Tests/R/golden/; RCrossCheckTests re-runs this script when
# Rscript is available (Debian: r-base-core) and compares the fresh output with C#.
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "golden"
wls_input <- if (length(args) >= 2) args[2] else file.path(out, "wls_input.csv")
dir.create(out, showWarnings = FALSE, recursive = TRUE)
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
write_table <- function(df, name) {
  df[] <- lapply(df, function(col) if (is.numeric(col)) fmt(col) else col)
  write.table(df, file.path(out, name), sep = ";", quote = FALSE, row.names = FALSE)
}

# 1. Quantiles
p <- c(1e-10, 0.001, 0.025, 0.1, 0.5, 0.8, 0.975, 0.999)
write_table(data.frame(p = p, q = qnorm(p)), "qnorm.csv")
grid <- expand.grid(p = c(0.001, 0.025, 0.5, 0.975, 0.999), df = c(0.5, 1, 2, 7.3, 20, 201, 5000))
grid$q <- qchisq(grid$p, grid$df)
write_table(grid, "qchisq.csv")

# 2. Poisson intervals of an observed/expected ratio
pg <- expand.grid(observed = c(0, 1, 2, 5, 10, 37, 100, 1234), expected = c(3.5, 40), level = c(0.95, 0.998))
a <- 1 - pg$level
z <- qnorm(1 - a / 2)
o <- pg$observed
pg$exact_lower <- ifelse(o == 0, 0, qchisq(a / 2, 2 * o) / 2) / pg$expected
pg$exact_upper <- qchisq(1 - a / 2, 2 * o + 2) / 2 / pg$expected
# Byar can go below zero for tiny counts at 99.8%; a rate limit cannot, so clamp at 0.
pg$byar_lower <- pmax(0, ifelse(o == 0, 0, o * (1 - 1 / (9 * o) - z / (3 * sqrt(o)))^3)) / pg$expected
pg$byar_upper <- (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * sqrt(o + 1)))^3 / pg$expected
write_table(pg, "poisson_ratio.csv")

# 3. Funnel limits
fp <- expand.grid(target = c(0.02, 0.25, 0.6), n = c(10, 100, 1000, 50000), level = c(0.95, 0.998))
z <- qnorm(1 - (1 - fp$level) / 2)
fp$lower <- (fp$target + z^2 / (2 * fp$n) - z * sqrt(fp$target * (1 - fp$target) / fp$n + z^2 / (4 * fp$n^2))) / (1 + z^2 / fp$n)
fp$upper <- (fp$target + z^2 / (2 * fp$n) + z * sqrt(fp$target * (1 - fp$target) / fp$n + z^2 / (4 * fp$n^2))) / (1 + z^2 / fp$n)
# Independent check of the Wilson formula: prop.test without continuity correction at an integer count.
stopifnot(abs(prop.test(25, 100, correct = FALSE, conf.level = 0.95)$conf.int[1] - fp$lower[fp$target == 0.25 & fp$n == 100 & fp$level == 0.95]) < 1e-12)
write_table(fp, "funnel_proportion.csv")
fr <- expand.grid(target = c(0.002, 0.05), n = c(100, 5000, 1e6), level = c(0.95, 0.998))
a <- 1 - fr$level
lambda <- fr$target * fr$n
fr$lower <- qchisq(a / 2, 2 * lambda) / 2 / fr$n
fr$upper <- qchisq(1 - a / 2, 2 * lambda + 2) / 2 / fr$n
stopifnot(abs(poisson.test(10, conf.level = 0.95)$conf.int[1] - qchisq(0.025, 20) / 2) < 1e-12)
write_table(fr, "funnel_rate.csv")
fm <- expand.grid(target = c(290.5), sd = c(1500), n = c(50, 20000), level = c(0.95, 0.998))
z <- qnorm(1 - (1 - fm$level) / 2)
fm$lower <- fm$target - z * fm$sd / sqrt(fm$n)
fm$upper <- fm$target + z * fm$sd / sqrt(fm$n)
write_table(fm, "funnel_mean.csv")

# 4. Empirical-Bayes Poisson-gamma (Marshall 1991 moments)
O <- c(0, 3, 12, 7, 45, 2, 130, 9, 1, 25)
E <- c(4.2, 5.1, 10.3, 9.8, 38.0, 1.2, 120.4, 12.9, 2.5, 19.7)
m <- sum(O) / sum(E)
s2 <- sum(E * (O / E - m)^2) / sum(E)
phi <- s2 - m / mean(E)
alpha <- m^2 / phi
beta <- m / phi
write_table(data.frame(observed = O, exposure = E, mean = m, shape = alpha, rate = beta,
                       smoothed = (O + alpha) / (E + beta),
                       lower = qgamma(0.025, O + alpha, E + beta),
                       upper = qgamma(0.975, O + alpha, E + beta)), "eb_poisson_gamma.csv")

# 5. Deprivation regression on real data: GGZ euro per insured person-year (Vektis 2022) on SES-WOA 2022
#    per gemeente, weighted by households. Input written by Gem.Monitor (DeprivationModel.WriteInputs).
d <- read.table(wls_input, sep = ";", header = TRUE, quote = "", comment.char = "", stringsAsFactors = FALSE, encoding = "UTF-8")
fit <- lm(ggz_per_verzekerdejaar ~ ses_woa, data = d, weights = huishoudens)
s <- summary(fit)
co <- coef(s)
write_table(data.frame(term = rownames(co), estimate = co[, 1], std_error = co[, 2]), "wls_coefficients.csv")
write_table(data.frame(sigma = s$sigma, r_squared = s$r.squared, df = fit$df.residual), "wls_summary.csv")
# The same model as a Gaussian glm: identical coefficients (checks lm against glm's IRLS).
g <- glm(ggz_per_verzekerdejaar ~ ses_woa, data = d, weights = huishoudens, family = gaussian())
stopifnot(max(abs(coef(g) - coef(fit))) < 1e-8)
write_table(data.frame(gemeente = d$gemeente, fitted = fitted(fit)), "wls_fitted.csv")

# 6. Funnel over-dispersion (Spiegelhalter 2005, additive random effects, 10% winsorised z-scores) on real data:
#    age-sex standardised GGZ euro per person-year per gemeente (Vektis 2022). Input written by the C# test
#    (FunnelOverdispersionTests, GEM_UPDATE_GOLDEN=1) next to wls_input.csv.
f <- read.table(file.path(dirname(wls_input), "funnel_input.csv"), sep = ";", header = TRUE, quote = "", comment.char = "", stringsAsFactors = FALSE, encoding = "UTF-8")
target <- f$nationaal[1]
se <- f$sd_persoon[1] / sqrt(f$verzekerdejaren)
z <- (f$gestandaardiseerd - target) / se
I <- length(z)
k <- floor(0.1 * I)
zs <- sort(z)
zw <- pmin(pmax(z, zs[k + 1]), zs[I - k])
phi <- sum(zw^2) / I
w <- 1 / se^2
tau2 <- max(0, (I * phi - (I - 1)) / (sum(w) - sum(w^2) / sum(w)))
lim <- function(level, sign) target + sign * qnorm(1 - (1 - level) / 2) * sqrt(se^2 + tau2)
out_f <- data.frame(gemeente = f$gemeente,
                    lower95 = pmax(0, lim(0.95, -1)), upper95 = lim(0.95, 1),
                    lower998 = pmax(0, lim(0.998, -1)), upper998 = lim(0.998, 1))
write_table(out_f, "funnel_overdispersion.csv")
plain998 <- qnorm(0.999) * se
write_table(data.frame(phi = phi, tau2 = tau2, units = I,
                       flagged_plain = sum(abs(f$gestandaardiseerd - target) > plain998),
                       flagged_adjusted = sum(f$gestandaardiseerd > out_f$upper998 | f$gestandaardiseerd < out_f$lower998)),
            "funnel_overdispersion_summary.csv")
