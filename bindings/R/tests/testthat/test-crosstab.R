test_that("hjtj_crosstab counts as the records say", {
  skip_if_not(has_default_kommuner(), "bundled municipality table not found")
  p <- example_file()
  reg <- if (p != "") hjtj_load(p) else hjtj_load(charToRaw(good_csv))
  recs <- hjtj_records(reg, all_statuses = TRUE)
  pop <- recs[recs$in_population, ]
  df <- hjtj_crosstab(reg, rows = "kategori", cols = "eierskap")
  expect_equal(names(df), c("kategori", "kommunal", "privat", "totalt"))
  expect_equal(df$kategori[nrow(df)], "totalt")
  for (k in unique(pop$kategori)) {
    for (e in c("kommunal", "privat")) {
      want <- sum(pop$kategori == k & pop$eierskap == e)
      expect_equal(df[[e]][df$kategori == k], want, info = paste(k, e))
    }
  }
  expect_equal(df$totalt[nrow(df)], nrow(pop))
  expect_equal(attr(df, "n"), nrow(pop))

  # filters, regions and a median of boenheter
  df <- hjtj_crosstab(reg, rows = "fylke", where = list(kategori = "kun-boligbase"),
                      measure = "median:boenheter")
  bb <- pop[pop$kategori == "kun-boligbase" & pop$botilbud == "1", ]
  for (f in unique(substr(bb$kommunenr, 1, 2))) {
    expect_equal(df$totalt[df$fylke == f],
                 median(bb$boenheter_counted[substr(bb$kommunenr, 1, 2) == f]), info = f)
  }
  expect_equal(nrow(df), 16)

  # shares of the row
  df <- hjtj_crosstab(reg, rows = "eierskap", measure = "andel-total", population = "alle")
  expect_equal(df$totalt[nrow(df)], 100)

  # a linked variable, with a problem row
  ln <- paste0("orgnr;ansatte\n", paste0(pop$orgnr[1:2], ";", c("1,5", "2,25"),
               collapse = "\n"), "\n999999999;3\n")
  df <- hjtj_crosstab(reg, rows = "landet", measure = "sum:ansatte", link = charToRaw(ln))
  expect_equal(df$totalt[1], 3.75)
  expect_match(attr(df, "link_problems"), "not-in-register")

  # errors name the valid values
  expect_error(hjtj_crosstab(reg, rows = "kategorix"), "fylke", class = "hjtj_error")
  expect_error(hjtj_crosstab(reg, rows = "kategori", measure = "snitt"), "andel-rad",
               class = "hjtj_error")
  expect_error(hjtj_crosstab(reg, rows = "kategori", where = list(eierskap = "x")),
               "privat", class = "hjtj_error")
})
