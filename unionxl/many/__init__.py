"""Many offices at once (台账格式 §7): `check --each`, `totals --each`.

- `jobs`: the per-office job (one office folder -> the plain dict `check --json` /
  `totals --json` prints for it alone), the sub-folders that are offices, and the two
  engines that run the job: a local process pool, or a Dask distributed cluster.
- `summary_xlsx`: the federation's 汇总.xlsx (one row per office, a 合计 row).
- `cli`: what `--each` prints (progress bar on a terminal, one line per office, a total).
"""
