# Renders bench/perf.sh's figures file as the Markdown results (bench/RESULTS.md). Input lines:
#   KEY VALUE                               a figure (perf.sh's `fig`)
#   load workload=W series=S k=v …          crm-load's machine-readable lines (series=* is the whole)
#   bench LABEL RPC p50 p99 mean calls      dashboard_bench's lines
# Plain POSIX awk (Debian's mawk).

function num(v) { return v == "" ? 0 : v + 0 }
function fmt(v, d) { return v == "" ? "-" : sprintf("%." d "f", v) }
function ratio(a, b) { return (num(b) > 0 && a != "") ? sprintf("%.2f", a / b) : "-" }
function met(ok) { return ok ? "met" : "**NOT met**" }
function L(w, s, k) { return ((w SUBSEP s SUBSEP k) in load) ? load[w, s, k] : "" }

$1 == "load" {
  delete f
  for (i = 2; i <= NF; i++) { eq = index($i, "="); f[substr($i, 1, eq - 1)] = substr($i, eq + 1) }
  w = f["workload"]; s = f["series"]
  for (k in f) load[w, s, k] = f[k]
  if (s == "*") { if (!(w in seen_w)) { seen_w[w] = 1; W[++nw] = w } }
  else { S[w, ++ns[w]] = s }
  next
}
$1 == "bench" { if (!($3 in seen_d)) { seen_d[$3] = 1; D[++nd] = $3 } dp50[$3] = $4; dp99[$3] = $5; next }
NF >= 2 { F[$1] = substr($0, length($1) + 2) }

END {
  echo = L("Echo", "*", "calls_per_s"); ps = F["sb_point_select_qps"]; ins = F["sb_insert_tps"]
  H = (num(echo) > 0 && num(ps) > 0) ? 1 / (1 / echo + 1 / ps) : ""
  conc = F["concurrency"]; page = F["deep_page"]
  cpu = F["cpu"]

  print "# Performance results"
  print ""
  printf "From `%s` on %s: `nproc` = %s, CPU %s; client, server and\n", F["command"], F["date"], F["nproc"], cpu
  printf "MariaDB 10.11 on the same cores (buffer pool %s MB, innodb_flush_log_at_trx_commit = %s); %s projects\n", F["buffer_pool_mb"], F["flush_log_at_trx_commit"], F["projects"]
  printf "(crm-datagen); %s calls in flight over 4 channels (sysbench: %s threads); each workload %s s measured after a\n", conc, conc, F["duration_s"]
  print "warm-up. The whole run took " fmt(F["total_s"], 0) " s. Measured: the repository at " F["commit"] ","
  print "crm-server built " F["server_built"] "."
  print ""
  print "## Targets"
  print ""
  print "| | figure | measured | baseline | ratio | target | |"
  print "|---|---|---:|---:|---:|---|---|"
  for (i = 1; i <= 2; i++) {
    g = i == 1 ? "GetLead" : "GetProject"
    q = L(g, "*", "calls_per_s"); p99 = L(g, "*", "p99_ms")
    r = ratio(q, H)
    printf "| P1 | %s calls/s, %s in flight | %s | H = %s | %s | ratio ≥ 0.8 | %s |\n", g, conc, fmt(q, 0), fmt(H, 0), r, met(r != "-" && r + 0 >= 0.8)
    printf "| P1 | %s p99 | %s ms | | | ≤ 10 ms | %s |\n", g, fmt(p99, 2), met(p99 != "" && p99 + 0 <= 10)
  }
  c = L("CreateLead", "*", "calls_per_s"); r = ratio(c, ins)
  printf "| P2 | CreateLead calls/s (durable), %s in flight | %s | oltp_insert %s tx/s | %s | ratio ≥ 0.6 | %s |\n", conc, fmt(c, 0), fmt(ins, 0), r, met(r != "-" && r + 0 >= 0.6)
  d1 = L("ListProjectsDeepPage", "ListProjects_page_1", "p50_ms"); dn = L("ListProjectsDeepPage", "ListProjects_page_" page, "p50_ms")
  r = ratio(dn, d1)
  printf "| P4 | ListProjects p50, page %s / page 1 (50 rows) | %s / %s ms | | %s | ratio ≤ 1.3 | %s |\n", page, fmt(dn, 2), fmt(d1, 2), r, met(r != "-" && r + 0 <= 1.3)
  im = L("ImportEnterprises", "*", "items_per_s"); ld = F["load_data_rows_per_s"]; r = ratio(im, ld)
  printf "| P5 | ImportEnterprises rows/s (%s rows) | %s | LOAD DATA %s rows/s | %s | ratio ≥ 0.5 | %s |\n", F["import_rows"], fmt(im, 0), fmt(ld, 0), r, met(r != "-" && r + 0 >= 0.5)
  rss = F["server_vmhwm_kb"] != "" ? F["server_vmhwm_kb"] / 1024 : ""
  printf "| P6 | crm-server peak RSS (VmHWM at the end) | %s MB | | | ≤ 200 MB | %s |\n", fmt(rss, 0), met(rss != "" && rss <= 200)
  for (j = 1; j <= nd; j++) {
    rpc = D[j]
    if (rpc != "GetPipelineSummary" && rpc != "GetUnitScoreboard") continue
    printf "| D | %s p50, sequential (dashboard_bench) | %s ms | | | ≤ 10 ms | %s |\n", rpc, fmt(dp50[rpc], 2), met(dp50[rpc] != "failed" && dp50[rpc] + 0 <= 10)
  }
  print ""
  print "## Baselines (same run, same MariaDB)"
  print ""
  print "| baseline | throughput | latency |"
  print "|---|---:|---|"
  printf "| sysbench oltp_point_select, %s threads | %s queries/s | p99 %s ms |\n", conc, fmt(ps, 0), fmt(F["sb_point_select_p99_ms"], 2)
  printf "| sysbench oltp_insert (autocommit, durable), %s threads | %s tx/s | p99 %s ms |\n", conc, fmt(ins, 0), fmt(F["sb_insert_p99_ms"], 2)
  printf "| gRPC echo (crm-echo-server, crm-load), %s in flight | %s calls/s | p50 %s ms, p99 %s ms |\n", conc, fmt(echo, 0), fmt(L("Echo", "*", "p50_ms"), 2), fmt(L("Echo", "*", "p99_ms"), 2)
  printf "| H = 1 / (1/echo + 1/point_select) | %s calls/s | |\n", fmt(H, 0)
  printf "| LOAD DATA LOCAL INFILE, %s rows into a copy of `enterprises` | %s rows/s | %s s |\n", F["load_data_rows"], fmt(ld, 0), fmt(F["load_data_s"], 2)
  print ""
  print "## Workloads against crm-server"
  print ""
  print "| workload | in flight | calls/s | rows/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | calls | errors | expected |"
  print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for (i = 1; i <= nw; i++) {
    w = W[i]
    if (w == "Echo") continue
    if (L(w, "*", "failed") != "") { printf "| %s | failed | | | | | | | | | | |\n", w; continue }
    row(w, "*", w)
    for (j = 1; j <= ns[w]; j++) row(w, S[w, j], "&nbsp;&nbsp;" S[w, j])
  }
  print ""
  print "rows/s differs from calls/s only for ImportEnterprises (a call is a stream of 5,000 rows; its latency"
  print "is a whole stream's). ListProjectsDeepPage is one call at a time, alternating page 1 and the deep page."
  print ""
  print "## Dashboard (dashboard_bench: 100 sequential calls each after 10 warm-up calls)"
  print ""
  print "| RPC | p50 ms | p99 ms |"
  print "|---|---:|---:|"
  for (j = 1; j <= nd; j++) printf "| %s | %s | %s |\n", D[j], dp50[D[j]], dp99[D[j]]
  print ""
  print "## Time"
  print ""
  print "| step | seconds |"
  print "|---|---:|"
  printf "| crm-datagen to %s projects (%s rows, %s rows/s; rollup refill %s s) | %s |\n", F["projects"], F["datagen_rows"], F["datagen_rows_per_s"], F["datagen_refill_s"], fmt(F["datagen_s"], 0)
  printf "| sysbench (prepare, 2 × warm-up + measured) | %s |\n", fmt(F["sysbench_s"], 0)
  printf "| crm-load workloads against crm-server (with their set-up) | %s |\n", fmt(F["workloads_s"], 0)
  printf "| the whole run | %s |\n", fmt(F["total_s"], 0)
  print ""
  print "## CPU (the machine is shared: what else ran shows as other work)"
  print ""
  print "Average cores busy over each phase (" F["nproc"] " cores):"
  print ""
  print "| phase | seconds | machine busy | mariadbd | crm-server | this run's clients (sysbench, crm-load, echo server) | other work |"
  print "|---|---:|---:|---:|---:|---:|---:|"
  cpu_row("baselines (sysbench runs, LOAD DATA, echo)", "baselines")
  cpu_row("crm-server workloads (with their set-up)", "workloads")
}

function cpu_row(name, phase,    a, b, secs, other) {
  if (!(("cpu_" phase "_start") in F) || !(("cpu_" phase "_end") in F)) return
  split(F["cpu_" phase "_start"], a, " "); split(F["cpu_" phase "_end"], b, " ")
  secs = b[1] - a[1]
  if (secs <= 0) return
  other = (b[2] - a[2]) - (b[3] - a[3]) - (b[4] - a[4]) - (b[5] - a[5])
  printf "| %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f |\n", name, secs, (b[2] - a[2]) / secs, (b[3] - a[3]) / secs,
         (b[4] - a[4]) / secs, (b[5] - a[5]) / secs, (other < 0 ? 0 : other) / secs
}

function row(w, s, name) {
  printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name, L(w, s, "conc"),
         fmt(L(w, s, "calls_per_s"), 0), fmt(L(w, s, "items_per_s"), 0), fmt(L(w, s, "p50_ms"), 2),
         fmt(L(w, s, "p90_ms"), 2), fmt(L(w, s, "p99_ms"), 2), fmt(L(w, s, "p999_ms"), 2), fmt(L(w, s, "max_ms"), 2),
         L(w, s, "calls"), s == "*" ? L(w, s, "errors") : "", s == "*" ? L(w, s, "expected") : ""
}
