-- Prints one table row when wrk is done: throughput, p50/p95/p99/max and errors.
-- Included by the other scripts; a run without one of them uses it alone (GET of the URL).
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
               + summary.errors.status + summary.errors.timeout
  io.write(string.format("| %s | %d | %d | %.1f | %.0f | %.0f | %.0f | %.0f | %d |\n",
    os.getenv("WRK_LABEL") or "?", tonumber(os.getenv("WRK_CONNECTIONS") or "0"),
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors))
end
