-- wrk script of bench/rest: requests the paths of the file named by $BENCH_PATHS (one a line) in turn, or the URL's
-- path when unset, each request formatted once in init; done() prints one line "JSON {...}" with the figures
-- (latencies in microseconds), so that bench/rest needs no parsing of wrk's text report.
local requests = {}
local n = 0

function init(args)
  local file = os.getenv("BENCH_PATHS")
  if file and file ~= "" then
    for line in io.lines(file) do
      if line ~= "" then requests[#requests + 1] = wrk.format("GET", line) end
    end
  end
  if #requests == 0 then requests[1] = wrk.format("GET", wrk.path) end
end

function request()
  n = n % #requests + 1
  return requests[n]
end

function done(summary, latency, requests_)
  local s = summary.duration / 1e6
  io.write(string.format(
    'JSON {"requests":%d,"seconds":%.2f,"rps":%.1f,"bytes":%d,"mean_us":%.1f,"p50_us":%d,"p90_us":%d,' ..
    '"p99_us":%d,"p999_us":%d,"max_us":%d,"errors_connect":%d,"errors_read":%d,"errors_write":%d,' ..
    '"errors_status":%d,"errors_timeout":%d}\n',
    summary.requests, s, summary.requests / s, summary.bytes, latency.mean,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
end
