registers <- function() {
  out <- list(inline = hjtj_load(charToRaw(good_csv), kommuner = charToRaw(kommuner_csv)))
  p <- example_file()
  if (p != "") out$eksempel <- hjtj_load(p)
  out
}

test_that("every table: types, printed values, CSV identical to the library", {
  ids <- hjtj_catalog()$id
  skip_if(length(ids) == 0, "the library's catalogue is empty")
  for (nm in names(regs <- registers())) {
    reg <- regs[[nm]]
    for (id in ids) {
      info <- paste(nm, id)
      raw <- hjtj:::table_raw(reg, id, csv = TRUE)
      df <- hjtj_table(reg, id)
      expect_s3_class(df, "data.frame")
      expect_equal(attr(df, "id"), id, info = info)
      expect_equal(names(df), raw$col_code, info = info)
      expect_equal(nrow(df), length(raw$row_code), info = info)
      expect_equal(attr(df, "n"), raw$n, info = info)
      # the R-made CSV of the printed cells equals the library's writer
      expect_identical(hjtj_table_csv(reg, id), raw$csv, info = info)
      for (j in seq_along(df)) {
        k <- raw$kind[, j]
        txt <- raw$text[, j]
        if (is.numeric(df[[j]])) {
          num <- k %in% 2:5 & nzchar(txt)
          expect_equal(df[[j]][num], as.numeric(txt[num]), info = info)
          expect_true(all(is.na(df[[j]][!num])), info = info)
        } else {
          expect_type(df[[j]], "character")
          expect_equal(df[[j]][k != 0], txt[k != 0], info = info)
        }
      }
      # shares: the printed text is num/den rounded half up
      nr <- length(raw$row_code)
      nc <- length(raw$col_code)
      num <- matrix(raw$num, nrow = nr, ncol = nc, byrow = TRUE)
      den <- matrix(raw$den, nrow = nr, ncol = nc, byrow = TRUE)
      sh <- raw$kind == 3L
      if (any(sh))
        expect_equal(raw$text[sh], share_text(num[sh], den[sh]), info = info)
    }
  }
})

test_that("table CSV written to a file", {
  ids <- hjtj_catalog()$id
  skip_if(length(ids) == 0, "the library's catalogue is empty")
  reg <- registers()[[1]]
  f <- tempfile(fileext = ".csv")
  on.exit(unlink(f))
  txt <- hjtj_table_csv(reg, ids[1], file = f)
  expect_identical(readBin(f, "raw", file.size(f)), charToRaw(enc2utf8(txt)))
})

count_from_records <- function(reg, field) {
  rec <- hjtj_records(reg)
  rec <- rec[rec$in_population, ]
  table(rec[[field]])
}

check_distribution <- function(id, field) {
  skip_if_not(id %in% hjtj_catalog()$id, paste("table", id, "not in the catalogue yet"))
  for (reg in registers()) {
    counts <- count_from_records(reg, field)
    raw <- hjtj:::table_raw(reg, id)
    expect_equal(raw$n, sum(counts))
    seen <- 0
    for (i in seq_along(raw$row_code)) {
      code <- raw$row_code[i]
      first <- which(raw$kind[i, ] == 2L)[1]
      if (is.na(first)) next
      v <- as.numeric(raw$text[i, first])
      if (code == "totalt") {
        expect_equal(v, sum(counts))
      } else if (code %in% names(counts)) {
        expect_equal(v, as.numeric(counts[[code]]), info = paste(id, code))
        seen <- seen + 1
      }
    }
    expect_gt(seen, 0)
  }
}

test_that("table 3.5 counts agree with the records", {
  check_distribution("3.5", "kategori")
})

test_that("table 4.6 counts agree with the records", {
  check_distribution("4.6", "samlemalgruppe")
})
