bars <- function(svg) {
  # (row index, column code, value) of every bar of an SVG figure
  g <- regmatches(svg, gregexpr('(?s)<g data-row="[^"]*" data-i="[0-9]+">.*?</g>', svg,
                                perl = TRUE))[[1]]
  out <- list()
  for (grp in g) {
    i <- as.integer(sub('(?s).*?data-i="([0-9]+)".*', "\\1", grp, perl = TRUE))
    r <- regmatches(grp, gregexpr('data-col="[^"]*" data-value="[^"]*"', grp))[[1]]
    for (x in r) {
      out[[length(out) + 1L]] <- list(i = i,
        col = sub('data-col="([^"]*)".*', "\\1", x),
        value = sub('.*data-value="([^"]*)"', "\\1", x))
    }
  }
  out
}

test_that("figures carry the tables' values", {
  reg <- hjtj_load(charToRaw(good_csv), kommuner = charToRaw(kommuner_csv))
  figs <- list("3.3" = "3.5", "3.4" = "3.23", "4.1" = "4.10", "4.2" = "4.11", "5.1" = "5.3")
  for (f in names(figs)) {
    raw <- hjtj:::table_raw(reg, figs[[f]])
    for (lang in c("nb", "en")) {
      svg <- hjtj_figure(reg, f, lang = lang)
      expect_match(svg, paste0('data-figure="', f, '"'), fixed = TRUE)
      b <- bars(svg)
      expect_true(length(b) > 0)
      for (x in b) {
        expect_identical(x$value, raw$text[x$i + 1L, match(x$col, raw$col_code)],
                         info = paste(f, lang, x$i, x$col))
      }
    }
  }
  # a bar chart of a table
  svg <- hjtj_figure(reg, "3.10", lang = "en")
  expect_match(svg, "Source: Statistics Norway", fixed = TRUE)
  f <- tempfile(fileext = ".svg")
  on.exit(unlink(f))
  expect_invisible(hjtj_figure(reg, "5.1", file = f))
  expect_identical(readChar(f, file.size(f), useBytes = TRUE), hjtj_figure(reg, "5.1"))
  expect_error(hjtj_figure(reg, "99.9"), class = "hjtj_error")
  expect_error(hjtj_figure(reg, "3.3", lang = "de"), "nb")
})

test_that("the HTML page has every table and nothing from outside", {
  reg <- hjtj_load(charToRaw(good_csv), kommuner = charToRaw(kommuner_csv))
  page <- hjtj_html(reg, lang = "en")
  expect_match(page, '<html lang="en">', fixed = TRUE)
  n <- lengths(regmatches(page, gregexpr("<table>", page, fixed = TRUE)))
  expect_equal(n, nrow(hjtj_catalog()))
  expect_false(grepl("http", page, fixed = TRUE))
  expect_false(grepl("<script", page, fixed = TRUE))
  two <- hjtj_html(reg, ids = c("3.5", "5.1"), charts = TRUE)
  expect_equal(lengths(regmatches(two, gregexpr("<table>", two, fixed = TRUE))), 2L)
  expect_match(two, "281", fixed = TRUE) # the note under 5.1
  expect_error(hjtj_html(reg, ids = "9.9"), class = "hjtj_error")
})
