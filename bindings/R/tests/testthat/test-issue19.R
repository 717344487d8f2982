# Issue 19: counts are integers, schemes and encodings on hjtj_load.

test_that("counts, lines and boenheter are integers", {
  skip_if_not(has_default_kommuner(), "bundled municipality table not found")
  reg <- hjtj_load(charToRaw(good_csv))
  n <- hjtj_counts(reg)
  expect_type(n, "integer")
  expect_identical(n[["read"]], 5L)
  rec <- hjtj_records(reg, all_statuses = TRUE)
  expect_identical(rec$boenheter, c(8L, NA, NA, 1L, NA))
  expect_type(rec$boenheter_counted, "integer")
  expect_identical(rec$line, 2:6)
  rj <- hjtj_rejects(hjtj_load(charToRaw(bad_csv)))
  expect_identical(rj$line, c(3L, 4L, 5L))
  expect_type(rj$column, "integer")
  # tables: count columns integer, share columns double
  t <- hjtj_table(reg, "3.2")
  expect_type(t$antall, "integer")
  expect_identical(t$antall[nrow(t)], 4L)
  expect_type(t$andel_av_alle_i_drift, "double")
  expect_type(attr(t, "n"), "integer")
})

test_that("scheme argument", {
  skip_if_not(has_default_kommuner(), "bundled municipality table not found")
  s <- charToRaw('<skjema xmlns="urn:hjtj:skjema:1" navn="t"><asss>4601</asss></skjema>')
  cl <- hjtj_classify(hjtj_load(charToRaw(good_csv), scheme = s))
  expect_equal(cl$kommunestorrelse[cl$orgnr == "100000016"], "asss")
  expect_false(cl$kommunestorrelse[cl$orgnr == "100000008"] == "asss")
  f <- tempfile(fileext = ".xml")
  writeBin(s, f)
  cl2 <- hjtj_classify(hjtj_load(charToRaw(good_csv), scheme = f))
  expect_identical(cl2, cl)
  expect_error(hjtj_load(charToRaw(good_csv), scheme = charToRaw("<x/>")),
               class = "hjtj_error")
})

test_that("encoding argument: Windows-1252 CSV", {
  skip_if_not(has_default_kommuner(), "bundled municipality table not found")
  w <- c(charToRaw("orgnr;kommunenr;eierskap;navn;virksomhetstyper;m"), as.raw(0xe5),
         charToRaw("lgrupper\r\n100000008;0301;kommunal;Bj"), as.raw(0xf8),
         charToRaw("rn;boligbase;demens\r\n"))
  e <- tryCatch(hjtj_load(w), hjtj_error = function(e) e)
  expect_s3_class(e, "hjtj_error")
  expect_identical(c(e$line, e$column), c(1, 49))
  expect_match(conditionMessage(e), "windows-1252")
  reg <- hjtj_load(w, encoding = "windows-1252")
  rec <- hjtj_records(reg)
  expect_identical(rec$navn, "Bj\u00f8rn")
  expect_error(hjtj_load(w, encoding = "ebcdic"))
})
