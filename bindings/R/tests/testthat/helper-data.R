# Inline registers: valid orgnr check digits, municipalities of 2025.
csv_header <- "orgnr,kommunenr,eierskap,status,virksomhetstyper,malgrupper,boenheter\n"
good_csv <- paste0(csv_header,
  "100000008,0301,kommunal,aktiv,boligbase,utviklingshemning psykiske-lidelser,8\n",
  "100000016,4601,kommunal,aktiv,amb-helse amb-praktisk,demens bevegelse-67,\n",
  "100000024,3101,privat,aktiv,bpa,bevegelse-0-66,\n",
  "100000032,1520,kommunal,aktiv,boligbase,utviklingshemning,1\n",
  "100000083,1103,kommunal,opphort,,,\n")
bad_csv <- paste0(csv_header,
  "100000008,0301,kommunal,aktiv,boligbase,demens,3\n",
  "100000009,0301,kommunal,aktiv,bpa,demens,\n",
  "100000016,0301,kommunal,aktiv,bpa,ingen demens,\n",
  "100000024,0301,kommunal,aktiv,bolig,demens,\n")
kommuner_csv <- "kommunenr;navn;innbyggere\n0301;Oslo;100\n3101;Halden;30000\n"

classify_header <- c("orgnr", "hovedvirksomhetstype", "ht_sammensetning", "kategori",
                     "samlemalgruppe", "antall_malgrupper", "kommunestorrelse", "botilbud")

# The bundled municipality table must be found (installed data directory or
# $HJTJ_DATADIR) for tests that use it.
has_default_kommuner <- function() {
  ok <- tryCatch({ hjtj_load(charToRaw(good_csv)); TRUE }, hjtj_error = function(e) FALSE)
  ok
}

example_file <- function() {
  d <- Sys.getenv("HJTJ_DATADIR")
  p <- file.path(d, "eksempel.xml")
  if (nzchar(d) && file.exists(p)) p else ""
}

# Tenths of a percent, half up, from the exact fraction (as the library).
share_text <- function(num, den) {
  ifelse(den <= 0, "", {
    q <- (2000 * num + den) %/% (2 * den)
    sprintf("%d.%d", as.integer(q %/% 10), as.integer(q %% 10))
  })
}
