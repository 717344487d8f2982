# Small-count protection: hjtj_table(reg, id, protect = K).

# Valid organisation numbers (modulus-11 check digit) from 100000000 on.
orgnrs <- function(n) {
  w <- c(3, 2, 7, 6, 5, 4, 3, 2)
  out <- character(0)
  x <- 10000000
  while (length(out) < n) {
    d <- as.integer(strsplit(sprintf("%08d", x), "")[[1]])
    r <- sum(d * w) %% 11
    if (r != 1) out <- c(out, paste0(sprintf("%08d", x), if (r == 0) 0 else 11 - r))
    x <- x + 1
  }
  out
}

# Table 3.10 of 34 enterprises (as in tests/check_protect.c):
#                  antall  kommunale  private
#   Kun boligbase      11         10        1
#   Kun amb. helse     12          8        4
#   BPA                11          5        6
# K = 3: the 1 is primary; its cheapest cycle adds boligbase/kommunale and
# BPA's two cells.
protect_register <- function() {
  groups <- list(c("boligbase", "kommunal", 10), c("boligbase", "privat", 1),
                 c("amb-helse", "kommunal", 8), c("amb-helse", "privat", 4),
                 c("bpa", "kommunal", 5), c("bpa", "privat", 6))
  ids <- orgnrs(34)
  lines <- character(0)
  for (g in groups)
    lines <- c(lines, rep(sprintf(",0301,%s,aktiv,%s,demens,3", g[2], g[1]), as.integer(g[3])))
  lines <- paste0(ids, lines)
  hjtj_load(charToRaw(paste0(csv_header, paste(lines, collapse = "\n"), "\n")),
            kommuner = charToRaw(kommuner_csv))
}

test_that("protect = 3 on Table 3.10: the cells worked out by hand", {
  reg <- protect_register()
  t <- hjtj_table(reg, "3.10", protect = 3)
  plain <- hjtj_table(reg, "3.10")
  codes <- attr(t, "row_codes")
  bolig <- which(codes == "kun-boligbase")
  bpa <- which(codes == "kun-bpa")
  expect_equal(attr(t, "suppressed"), c(primary = 2, secondary = 6))
  expect_equal(attr(t, "protect"), 3)
  expect_null(attr(plain, "suppressed"))
  s <- attr(t, "suppression")
  expect_equal(s[bolig, which(names(t) == "antall_private")], 1L)
  expect_equal(s[bolig, which(names(t) == "antall_kommunale")], 2L)
  expect_equal(s[bpa, which(names(t) == "andel_private")], 2L)
  expect_equal(sum(s == 1L), 2)
  expect_equal(sum(s == 2L), 6)
  expect_true(is.na(t$antall_private[bolig]))
  expect_true(is.na(t$andel_private[bolig]))
  expect_equal(t$antall[bolig], 11)
  # every published cell as without protection
  for (j in seq_along(t)[-1]) {
    pub <- s[, j] == 0L
    expect_equal(t[[j]][pub], plain[[j]][pub])
    expect_true(all(is.na(t[[j]][!pub])))
  }
  csv <- hjtj_table_csv(reg, "3.10", protect = 3)
  expect_match(csv, "Kun boligbase,11,:,:,:,:", fixed = TRUE)
  expect_equal(attr(t, "n"), 34)
})

test_that("a suppressed N is NA", {
  reg <- hjtj_load(charToRaw(paste0(csv_header, "100000008,0301,kommunal,aktiv,bpa,demens,\n")),
                   kommuner = charToRaw(kommuner_csv))
  t <- hjtj_table(reg, "3.2", protect = 2)
  expect_true(is.na(attr(t, "n")))
})

test_that("bad protection levels and tables without counts are errors", {
  reg <- protect_register()
  expect_error(hjtj_table(reg, "3.10", protect = 0), "whole number >= 1")
  expect_error(hjtj_table(reg, "3.10", protect = -1), "whole number >= 1")
  expect_error(hjtj_table(reg, "3.10", protect = 2.5), "whole number >= 1")
  expect_error(hjtj_table(reg, "3.10", protect = "3"), "whole number >= 1")
  expect_error(hjtj_table(reg, "3.10", protect = c(2, 3)), "whole number >= 1")
  expect_error(hjtj_table(reg, "3.10", protect = NA), "whole number >= 1")
  expect_error(hjtj_table(reg, "1.9", protect = 3), "no counts")
  expect_s3_class(hjtj_table(reg, "1.9"), "data.frame")
})

test_that("protect = 3 on the same counts as a custom table", {
  reg <- protect_register()
  t <- hjtj_crosstab(reg, "kategori", "eierskap", protect = 3)
  plain <- hjtj_crosstab(reg, "kategori", "eierskap")
  expect_equal(attr(t, "suppressed"), c(primary = 1, secondary = 3))
  bolig <- which(attr(t, "row_codes") == "kun-boligbase")
  expect_true(is.na(t$privat[bolig]))
  expect_equal(t$totalt[bolig], 11)
  s <- attr(t, "suppression")
  for (j in seq_along(t)[-1]) {
    pub <- s[, j] == 0L
    expect_equal(t[[j]][pub], plain[[j]][pub])
  }
  expect_error(hjtj_crosstab(reg, "kategori", protect = 0), "whole number >= 1")
})
