# hjtj - R binding of libhjtj: Statistics Norway's classification of
# home-care enterprises and the tables of SSB Rapporter 2026/5.
#
# The C side (src/hjtj_r.c) returns failures of the library as a list
# (ok = FALSE, status, message, file, line, column); hjtj_stop() turns that
# into a condition of class c("hjtj_error", "error", "condition").

hjtj_stop <- function(e, call = sys.call(-1L)) {
  where <- ""
  if (nzchar(e$file)) {
    where <- e$file
    if (e$line > 0) {
      where <- paste0(where, ":", format(e$line, scientific = FALSE))
      if (e$column > 0) where <- paste0(where, ":", format(e$column, scientific = FALSE))
    }
    where <- paste0(where, ": ")
  }
  msg <- paste0(where, e$message)
  cond <- structure(
    class = c("hjtj_error", "error", "condition"),
    list(message = msg, call = call, status = e$status, description = e$description,
         file = e$file, line = e$line, column = e$column, detail = e$message))
  stop(cond)
}

check_register <- function(reg) {
  if (!inherits(reg, "hjtj_register"))
    stop("'reg' must be a register returned by hjtj_load()", call. = FALSE)
  reg
}

hjtj_version <- function() {
  .Call(hjtj_r_version)
}

hjtj_catalog <- function(lang = c("nb", "en")) {
  lang <- match.arg(lang)
  x <- .Call(hjtj_r_catalog, if (lang == "en") 1L else 0L)
  data.frame(id = x$id, title = x$title, stringsAsFactors = FALSE)
}

# An input argument: a single file name (expanded), a raw vector, or NULL
# where that is allowed.
file_or_raw <- function(x, what, null_ok = TRUE) {
  if (is.character(x)) {
    if (length(x) != 1L || is.na(x)) stop(sprintf("'%s' must be a single file name", what))
    return(path.expand(x))
  }
  if (is.raw(x) || (null_ok && is.null(x))) return(x)
  stop(sprintf("'%s' must be %sa file name or a raw vector", what, if (null_ok) "NULL, " else ""))
}

hjtj_load <- function(path, kommuner = NULL, scheme = NULL,
                      encoding = c("utf-8", "windows-1252", "iso-8859-1")) {
  encoding <- match.arg(tolower(encoding), c("utf-8", "windows-1252", "iso-8859-1"))
  name <- NULL
  path <- file_or_raw(path, "path", null_ok = FALSE)
  kommuner <- file_or_raw(kommuner, "kommuner")
  scheme <- file_or_raw(scheme, "scheme")
  x <- .Call(hjtj_r_load, path, kommuner, name, scheme, encoding)
  if (!isTRUE(x$ok)) hjtj_stop(x, sys.call())
  reg <- x$register
  class(reg) <- "hjtj_register"
  reg
}

hjtj_counts <- function(reg) {
  unlist(.Call(hjtj_r_counts, check_register(reg)))
}

hjtj_classify <- function(reg, all_statuses = FALSE) {
  cols <- .Call(hjtj_r_records, check_register(reg), isTRUE(all_statuses), FALSE)
  as.data.frame(cols, stringsAsFactors = FALSE, optional = TRUE)
}

hjtj_records <- function(reg, all_statuses = FALSE) {
  cols <- .Call(hjtj_r_records, check_register(reg), isTRUE(all_statuses), TRUE)
  as.data.frame(cols, stringsAsFactors = FALSE, optional = TRUE)
}

hjtj_rejects <- function(reg) {
  x <- .Call(hjtj_r_diags, check_register(reg), 0L)
  as.data.frame(x, stringsAsFactors = FALSE, optional = TRUE)
}

hjtj_warnings <- function(reg) {
  x <- .Call(hjtj_r_diags, check_register(reg), 1L)
  as.data.frame(x, stringsAsFactors = FALSE, optional = TRUE)
}

hjtj_checks <- function(reg, only = NULL, lang = c("nb", "en")) {
  lang <- match.arg(lang)
  x <- .Call(hjtj_r_checks, check_register(reg), if (lang == "en") 1L else 0L)
  if (!isTRUE(x$ok)) hjtj_stop(x, sys.call())
  keep <- x$summary_kontroll
  if (!is.null(only)) {
    if (!is.character(only) || anyNA(only)) stop("'only' must be NULL or check codes")
    only <- trimws(unlist(strsplit(only, ",", fixed = TRUE)))
    only <- only[nzchar(only)]
    bad <- setdiff(only, x$summary_kontroll)
    if (length(bad))
      stop(sprintf("unknown check '%s'; valid checks: %s", bad[1L],
                   paste(x$summary_kontroll, collapse = ", ")), call. = FALSE)
    keep <- intersect(x$summary_kontroll, only)
  }
  rows <- x$kontroll %in% keep
  df <- data.frame(fil = x$fil[rows], linje = x$linje[rows], orgnr = x$orgnr[rows],
                   kontroll = x$kontroll[rows], melding = x$melding[rows],
                   stringsAsFactors = FALSE)
  sel <- x$summary_kontroll %in% keep
  summary <- x$summary_antall[sel]
  names(summary) <- x$summary_kontroll[sel]
  attr(df, "summary") <- summary
  df
}

# The built table as the list of src/hjtj_r.c (cells row-major).
table_raw <- function(reg, id, csv = FALSE, protect = NULL) {
  if (!is.character(id) || length(id) != 1L || is.na(id))
    stop("'id' must be a single table id such as \"4.6\"")
  x <- .Call(hjtj_r_table, check_register(reg), id, isTRUE(csv), protect_level(protect))
  if (!isTRUE(x$ok)) hjtj_stop(x, sys.call(-1L))
  nr <- length(x$row_code)
  nc <- length(x$col_code)
  x$kind <- matrix(x$kind, nrow = nr, ncol = nc, byrow = TRUE)
  x$text <- matrix(x$text, nrow = nr, ncol = nc, byrow = TRUE)
  x$supp <- matrix(x$supp, nrow = nr, ncol = nc, byrow = TRUE)
  x
}

# The level of small-count protection: NULL = off, else a whole number >= 1.
protect_level <- function(protect) {
  if (is.null(protect)) return(0)
  if (!is.numeric(protect) || length(protect) != 1L || is.na(protect) ||
      protect < 1 || protect != floor(protect) || protect > 9e15)
    stop("'protect' must be a single whole number >= 1 (the largest count suppressed)",
         call. = FALSE)
  as.numeric(protect)
}

# Cell kinds (hjtj_cell_kind).
KIND_EMPTY <- 0L
KIND_TEXT <- 1L
KIND_COUNT <- 2L
KIND_SUM <- 4L

hjtj_table <- function(reg, id, protect = NULL) {
  table_df(table_raw(reg, id, protect = protect), protect)
}

# The data.frame of a table's list (src/hjtj_r.c); with protect, the
# attributes of small-count protection.
table_df <- function(x, protect = NULL) {
  nr <- length(x$row_code)
  nc <- length(x$col_code)
  cols <- vector("list", nc)
  for (j in seq_len(nc)) {
    kinds <- x$kind[, j]
    texts <- x$text[, j]
    # label columns and columns holding text (marks such as "x") are
    # character; the others numeric (an all-empty value column: NA_real_)
    label <- j <= x$stub || any(kinds == KIND_TEXT)
    if (label) {
      v <- texts
      v[kinds == KIND_EMPTY] <- NA_character_
    } else {
      v <- rep(NA_real_, nr)
      ok <- kinds != KIND_EMPTY & nzchar(texts) & texts != ":"  # ":" suppressed
      v[ok] <- as.numeric(texts[ok])
      # counts and sums are integers (a column of them only)
      if (any(ok) && all(kinds[ok] %in% c(KIND_COUNT, KIND_SUM))) v <- as.integer(v)
    }
    cols[[j]] <- v
  }
  names(cols) <- x$col_code
  df <- if (nc > 0L) {
    structure(cols, class = "data.frame", row.names = .set_row_names(nr))
  } else {
    data.frame()
  }
  attr(df, "id") <- x$id
  attr(df, "title") <- x$title
  attr(df, "n") <- x$n
  attr(df, "row_codes") <- x$row_code
  if (!is.null(protect)) {
    attr(df, "protect") <- protect
    attr(df, "suppressed") <- c(primary = x$primary, secondary = x$secondary)
    attr(df, "suppression") <- x$supp
  }
  df
}

csv_field <- function(s) {
  q <- grepl("[,\"\r\n]", s, useBytes = TRUE)
  s[q] <- paste0("\"", gsub("\"", "\"\"", s[q], fixed = TRUE), "\"")
  s
}

hjtj_table_csv <- function(reg, id, file = NULL, protect = NULL) {
  x <- table_raw(reg, id, protect = protect)
  lines <- paste(csv_field(x$col_code), collapse = ",")
  if (nrow(x$text) > 0L) {
    body <- apply(x$text, 1L, function(r) paste(csv_field(r), collapse = ","))
    lines <- c(lines, body)
  }
  out <- enc2utf8(paste0(paste(lines, collapse = "\n"), "\n"))
  if (is.null(file)) return(out)
  con <- file(file, open = "wb")
  on.exit(close(con))
  writeBin(charToRaw(out), con)
  invisible(out)
}

hjtj_write <- function(reg, table, path, format = NULL,
                       lang = c("nb", "en"), protect = NULL) {
  lang <- match.arg(lang)
  if (!is.character(path) || length(path) != 1L || is.na(path))
    stop("'path' must be a single file name")
  if (is.null(format)) format <- ""
  decl <- attr(table, "hjtj_crosstab")
  if (is.data.frame(table) && !is.null(decl)) {
    # a custom table made by hjtj_crosstab(): its declaration, built again and written
    x <- .Call(hjtj_r_crosstab, check_register(reg), decl$rows, decl$cols, decl$wf, decl$wc,
               decl$population, decl$measure, decl$link, FALSE,
               c(path.expand(path), as.character(format), lang),
               protect_level(if (is.null(protect)) decl$protect else protect))
    if (!isTRUE(x$ok)) hjtj_stop(x)
    return(invisible(path))
  }
  if (!is.character(table) || length(table) != 1L || is.na(table))
    stop("'table' must be a table id such as \"4.6\" or a table made by hjtj_crosstab()")
  x <- .Call(hjtj_r_write, check_register(reg), table, path.expand(path),
             as.character(format), lang, protect_level(protect))
  if (!isTRUE(x$ok)) hjtj_stop(x)
  invisible(x$path)
}

write_text <- function(out, file) {
  out <- enc2utf8(out)
  if (is.null(file)) return(out)
  con <- file(file, open = "wb")
  on.exit(close(con))
  writeBin(charToRaw(out), con)
  invisible(out)
}

hjtj_figure <- function(reg, id, file = NULL, lang = "nb") {
  if (!is.character(id) || length(id) != 1L || is.na(id))
    stop("'id' must be a single figure or table id such as \"3.3\"")
  x <- .Call(hjtj_r_figure, check_register(reg), id, lang)
  if (!isTRUE(x$ok)) hjtj_stop(x, sys.call())
  write_text(x$text, file)
}

hjtj_html <- function(reg, file = NULL, ids = NULL, lang = "nb", charts = FALSE) {
  if (is.null(ids)) ids <- hjtj_catalog()$id
  x <- .Call(hjtj_r_html, check_register(reg), as.character(ids), lang, isTRUE(charts))
  if (!isTRUE(x$ok)) hjtj_stop(x, sys.call())
  write_text(x$text, file)
}

print.hjtj_register <- function(x, ...) {
  n <- tryCatch(hjtj_counts(x), error = function(e) NULL)
  if (is.null(n)) {
    cat("<hjtj register (released)>\n")
  } else {
    cat(sprintf("<hjtj register: %s read, %s loaded, %s rejected>\n",
                format(n[["read"]]), format(n[["loaded"]]), format(n[["rejected"]])))
  }
  invisible(x)
}

# Custom tables (SPEC 9): any cross-tabulation of the classes.
hjtj_crosstab <- function(reg, rows, cols = NULL, where = NULL, measure = "antall",
                          population = "populasjon", link = NULL, protect = NULL) {
  one <- function(x, what) {
    if (!is.character(x) || length(x) != 1L || is.na(x))
      stop(sprintf("'%s' must be a single string", what), call. = FALSE)
    x
  }
  one(rows, "rows")
  if (!is.null(cols)) one(cols, "cols")
  one(measure, "measure")
  one(population, "population")
  wf <- character(0)
  wc <- character(0)
  if (!is.null(where)) {
    if (!is.list(where) && !is.character(where) || is.null(names(where)) ||
        any(!nzchar(names(where))))
      stop("'where' must be a named list, e.g. list(eierskap = \"privat\")", call. = FALSE)
    wf <- names(where)
    wc <- vapply(where, function(v) paste(as.character(v), collapse = ","), "")
  }
  if (!is.null(link) && !is.raw(link)) link <- one(link, "link")
  x <- .Call(hjtj_r_crosstab, check_register(reg), rows, if (is.null(cols)) "" else cols,
             wf, unname(wc), population, measure, link, FALSE, NULL, protect_level(protect))
  if (!isTRUE(x$ok)) hjtj_stop(x, sys.call())
  t <- x$table
  nr <- length(t$row_code)
  nc <- length(t$col_code)
  t$kind <- matrix(t$kind, nrow = nr, ncol = nc, byrow = TRUE)
  t$text <- matrix(t$text, nrow = nr, ncol = nc, byrow = TRUE)
  t$supp <- matrix(t$supp, nrow = nr, ncol = nc, byrow = TRUE)
  df <- table_df(t, protect)
  attr(df, "population") <- t$population
  attr(df, "link_problems") <- x$problems
  attr(df, "hjtj_crosstab") <- list(rows = rows, cols = if (is.null(cols)) "" else cols,
                                    wf = wf, wc = unname(wc), population = population,
                                    measure = measure, link = link, protect = protect)
  df
}
