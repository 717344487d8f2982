test_that("a missing file is an hjtj_error with status IO", {
  f <- file.path(tempdir(), "does-not-exist.xml")
  e <- tryCatch(hjtj_load(f), hjtj_error = function(e) e)
  expect_s3_class(e, c("hjtj_error", "error", "condition"), exact = TRUE)
  expect_equal(e$status, 3L)
  expect_match(e$file, "does-not-exist.xml", fixed = TRUE)
  expect_match(conditionMessage(e), "does-not-exist.xml")
  expect_error(hjtj_load(f), class = "hjtj_error")
})

test_that("malformed XML reports line and column", {
  x <- charToRaw("<kartlegging xmlns=\"urn:hjtj:kartlegging:1\">\n<virksomhet orgnr=\"1\"\n")
  e <- tryCatch(hjtj_load(x, kommuner = charToRaw(kommuner_csv)),
                hjtj_error = function(e) e)
  expect_s3_class(e, "hjtj_error")
  expect_equal(e$status, 4L)
  expect_gt(e$line, 0)
  expect_equal(e$file, "<raw>")
})

test_that("DOCTYPE is refused", {
  x <- charToRaw("<?xml version=\"1.0\"?>\n<!DOCTYPE kartlegging [\n<!ENTITY a \"aaaa\">\n]>\n<kartlegging/>")
  e <- tryCatch(hjtj_load(x, kommuner = charToRaw(kommuner_csv)),
                hjtj_error = function(e) e)
  expect_equal(e$status, 6L)
  expect_equal(c(e$line, e$column), c(2, 1))
})

test_that("empty input and bad municipality table", {
  e <- tryCatch(hjtj_load(raw(0), kommuner = charToRaw(kommuner_csv)),
                hjtj_error = function(e) e)
  expect_equal(e$status, 8L)
  e <- tryCatch(hjtj_load(charToRaw(good_csv),
                          kommuner = charToRaw("kommunenr;navn;innbyggere\n03x1;Oslo;1\n")),
                hjtj_error = function(e) e)
  expect_s3_class(e, "hjtj_error")
  expect_equal(e$status, 13L)
  expect_equal(e$file, "<kommuner>")
})

test_that("unknown table id", {
  reg <- hjtj_load(charToRaw(good_csv), kommuner = charToRaw(kommuner_csv))
  e <- tryCatch(hjtj_table(reg, "no-such-table"), hjtj_error = function(e) e)
  expect_s3_class(e, "hjtj_error")
  expect_equal(e$status, 9L)
  expect_error(hjtj_table_csv(reg, "no-such-table"), class = "hjtj_error")
})

test_that("argument checks are plain R errors", {
  expect_error(hjtj_load(1), "path")
  expect_error(hjtj_load(c("a", "b")), "single")
  expect_error(hjtj_classify("not a register"), "register")
  reg <- hjtj_load(charToRaw(good_csv), kommuner = charToRaw(kommuner_csv))
  expect_error(hjtj_table(reg, 3.5), "id")
})

test_that("registers are released by the garbage collector", {
  for (i in 1:50) reg <- hjtj_load(charToRaw(good_csv), kommuner = charToRaw(kommuner_csv))
  rm(reg)
  expect_silent(gc())
  # an external pointer that lost its C object (as after save/load)
  reg <- hjtj_load(charToRaw(good_csv), kommuner = charToRaw(kommuner_csv))
  f <- tempfile(fileext = ".rds")
  on.exit(unlink(f))
  saveRDS(reg, f)
  reg2 <- readRDS(f)
  expect_error(hjtj_classify(reg2), "released")
  expect_output(print(reg2), "released")
})
