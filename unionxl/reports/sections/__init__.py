"""One module per report: the variables of its template, from `Totals` and `Policy`."""
