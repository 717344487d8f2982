checks_csv <- paste0(
  "orgnr,kommunenr,eierskap,status,virksomhetstyper,malgrupper,boenheter,navn,",
  "naeringskode,naeringskode_standard\n",
  "100000008,0301,kommunal,aktiv,boligbase,demens,1,Tunet,87.203,SN2007\n",
  "100000016,0301,kommunal,aktiv,bpa,,,,88.102,SN2007\n",
  "100000024,0301,privat,opphort,amb-helse,demens,150,,86.901,SN2007\n",
  "100000032,0301,kommunal,aktiv,bpa enetiltak,demens,, TUNET ,86.901,SN2025\n",
  "100000040,0301,kommunal,aktiv,annen-virksomhet,demens,,,88.102,SN2007\n")

test_that("hjtj_checks lists the hits in input order", {
  k <- charToRaw(kommuner_csv)
  reg <- hjtj_load(charToRaw(checks_csv), kommuner = k)
  x <- hjtj_checks(reg)
  expect_s3_class(x, "data.frame")
  expect_named(x, c("fil", "linje", "orgnr", "kontroll", "melding"))
  expect_equal(x$kontroll, c("en-boenhet", "samme-navn", "ingen-malgruppe",
                             "boenheter-uten-boligbase", "mange-boenheter",
                             "enetiltak-med-andre", "sn2025-kode", "samme-navn",
                             "aktiv-utenfor"))
  expect_equal(x$linje, c(2, 2, 3, 4, 4, 5, 5, 5, 6))
  expect_equal(x$orgnr[2], "100000008")
  expect_equal(x$melding[5], "150 boenheter (mer enn 100)")
  s <- attr(x, "summary")
  expect_equal(length(s), 12L)
  expect_equal(s[["samme-navn"]], 2)
  expect_equal(s[["mangler-naeringskode"]], 0)
  en <- hjtj_checks(reg, lang = "en")
  expect_equal(en$melding[5], "150 boenheter (more than 100)")
})

test_that("hjtj_checks keeps only the checks asked for", {
  reg <- hjtj_load(charToRaw(checks_csv), kommuner = charToRaw(kommuner_csv))
  x <- hjtj_checks(reg, only = "samme-navn,mange-boenheter")
  expect_equal(x$kontroll, c("samme-navn", "mange-boenheter", "samme-navn"))
  expect_equal(names(attr(x, "summary")), c("mange-boenheter", "samme-navn"))
  expect_equal(nrow(hjtj_checks(reg, only = c("aktiv-utenfor"))), 1L)
  expect_error(hjtj_checks(reg, only = "bogus"), "valid checks: en-boenhet")
})

test_that("a scheme file changes the classification and the checks", {
  k <- charToRaw(kommuner_csv)
  s2020 <- charToRaw(paste0('<skjema xmlns="urn:hjtj:skjema:1" enetiltak="uten" ',
                            'administrasjon="2020"/>'))
  reg <- hjtj_load(charToRaw(checks_csv), kommuner = k, scheme = s2020)
  cl <- hjtj_classify(reg)
  expect_equal(cl$hovedvirksomhetstype[cl$orgnr == "100000032"], "utenfor")
  expect_equal(hjtj_checks(reg, only = "aktiv-utenfor")$orgnr,
               c("100000008", "100000032", "100000040"))
  bad <- charToRaw('<skjema xmlns="urn:hjtj:skjema:1">\n <terskler>1 2 3</terskler></skjema>')
  e <- tryCatch(hjtj_load(charToRaw(checks_csv), kommuner = k, scheme = bad),
                hjtj_error = function(e) e)
  expect_s3_class(e, "hjtj_error")
  expect_equal(c(e$line, e$column), c(2, 2))
  expect_match(conditionMessage(e), "strictly decreasing")
  d <- Sys.getenv("HJTJ_DATADIR")
  f <- file.path(d, "skjema-2024.xml")
  skip_if_not(nzchar(d) && file.exists(f))
  a <- hjtj_classify(hjtj_load(charToRaw(checks_csv), kommuner = k))
  b <- hjtj_classify(hjtj_load(charToRaw(checks_csv), kommuner = k, scheme = f))
  expect_identical(a, b)
})
