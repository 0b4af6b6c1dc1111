-- What the load scripts share: a number per wrk thread (thread_id, for unique keys), lists from
-- the environment, and one table row printed when wrk is done (throughput, p50/p95/p99/max,
-- errors, counting those a script found in 2xx answers). Used alone, it measures a GET of the URL.
local ids = 0
local threads = {}

function setup(thread)
  ids = ids + 1
  thread:set("thread_id", ids)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 100 + (thread_id or 0))
end

-- The comma-separated values of an environment variable, as a list.
function list(name)
  local values = {}
  for value in string.gmatch(os.getenv(name) or "", "[^,]+") do
    table.insert(values, value)
  end
  return values
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
               + summary.errors.status + summary.errors.timeout
  -- Failures a script found in answers that were 2xx (a script counts them in "failed").
  for _, thread in ipairs(threads) do
    errors = errors + (thread:get("failed") or 0)
  end
  io.write(string.format("| %s | %d | %d | %.1f | %.0f | %.0f | %.0f | %.0f | %d |\n",
    os.getenv("WRK_LABEL") or "?", tonumber(os.getenv("WRK_CONNECTIONS") or "0"),
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors))
end
