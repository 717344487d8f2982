library(testthat)
library(hjtj)

test_check("hjtj")
