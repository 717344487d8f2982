test_that("hjtj_write: every format, from the extension or named, nb and en", {
  reg <- hjtj_load(charToRaw(good_csv), kommuner = charToRaw(kommuner_csv))
  skip_if(!("3.5" %in% hjtj_catalog()$id), "the library's catalogue has no 3.5")
  d <- tempfile("hjtj-write")
  dir.create(d)
  on.exit(unlink(d, recursive = TRUE))
  # CSV: the library's CSV, whatever the language
  p <- file.path(d, "t.csv")
  expect_identical(hjtj_write(reg, "3.5", p, lang = "en"), path.expand(p))
  expect_identical(paste0(paste(readLines(p, encoding = "UTF-8"), collapse = "\n"), "\n"),
                   hjtj_table_csv(reg, "3.5"))
  # JSON-stat: the values are the CSV's numbers, row by row
  p <- file.path(d, "t.json")
  hjtj_write(reg, "3.5", p)
  js <- paste(readLines(p, encoding = "UTF-8", warn = FALSE), collapse = "")
  expect_true(grepl("\"class\":\"dataset\"", js, fixed = TRUE))
  df <- hjtj_table(reg, "3.5")
  vals <- as.vector(t(as.matrix(df[, c("antall", "andel")])))
  txt <- ifelse(is.na(vals), "null", format(vals, trim = TRUE, nsmall = 0, drop0trailing = TRUE))
  got <- sub(".*\"value\":\\[([^]]*)\\].*", "\\1", js)
  expect_equal(as.numeric(strsplit(gsub("null", "NA", got), ",")[[1]]),
               suppressWarnings(as.numeric(txt)))
  # PX in English as the main language, from a named format
  p <- file.path(d, "t.dat")
  hjtj_write(reg, "3.5", p, format = "px", lang = "en")
  px <- readLines(p, encoding = "UTF-8", warn = FALSE)
  expect_true("LANGUAGE=\"en\";" %in% px)
  expect_true(any(startsWith(px, "TITLE[no]=")))
  # text with English labels
  p <- file.path(d, "t.txt")
  hjtj_write(reg, "3.5", p, lang = "en")
  expect_true(startsWith(readLines(p, n = 1L, encoding = "UTF-8"), "Table 3.5. "))
  # XLSX: a workbook, or the message of a library without libxlsxwriter
  p <- file.path(d, "t.xlsx")
  r <- tryCatch(hjtj_write(reg, "3.5", p), hjtj_error = function(e) e)
  if (inherits(r, "hjtj_error")) {
    expect_match(conditionMessage(r), "libxlsxwriter")
  } else {
    expect_identical(readBin(p, "raw", 2L), charToRaw("PK"))
  }
  # errors
  expect_error(hjtj_write(reg, "3.5", file.path(d, "t.unknown")), "extension")
  expect_error(hjtj_write(reg, "3.5", file.path(d, "t.csv"), format = "svg"), "unknown format")
  hjtj_write(reg, "3.5", file.path(d, "t.html"))  # HTML (issue 22): a page
  expect_identical(readLines(file.path(d, "t.html"), n = 1L), "<!DOCTYPE html>")
  expect_error(hjtj_write(reg, "9.9", file.path(d, "t.csv")), class = "hjtj_error")
  expect_error(hjtj_write(reg, "3.5", file.path(d, "no", "t.csv")), class = "hjtj_error")
})

test_that("hjtj_write: a custom table from hjtj_crosstab, in JSON-stat and CSV", {
  reg <- hjtj_load(charToRaw(good_csv), kommuner = charToRaw(kommuner_csv))
  ct <- hjtj_crosstab(reg, rows = "eierskap", measure = "antall")
  d <- tempfile("hjtj-write-custom")
  dir.create(d)
  on.exit(unlink(d, recursive = TRUE))
  p <- file.path(d, "c.csv")
  hjtj_write(reg, ct, p)
  csv <- read.csv(p, stringsAsFactors = FALSE)
  expect_identical(csv$eierskap, ct$eierskap)
  expect_equal(csv$totalt, as.numeric(ct$totalt))
  p <- file.path(d, "c.json")
  hjtj_write(reg, ct, p, lang = "en")
  js <- paste(readLines(p, encoding = "UTF-8", warn = FALSE), collapse = "")
  got <- as.numeric(strsplit(sub(".*\"value\":\\[([^]]*)\\].*", "\\1", js), ",")[[1]])
  expect_equal(got, as.numeric(ct$totalt))
  expect_true(grepl("Ownership", js, fixed = TRUE))
  expect_error(hjtj_write(reg, data.frame(a = 1), p), "hjtj_crosstab")
})
