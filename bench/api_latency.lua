-- wrk script for bench/api_latency.py: POST the attribution lookup for a rotating list of account ids,
-- count wrong answers, and print the latency percentiles as one JSON line at the end.
-- Configured through the environment (wrk passes no other way into every thread's Lua state):
--   LW_IDS_FILE  one account id a line   LW_QUERY_FILE  the GraphQL document   LW_TOKEN  the API key
local ids = {}
local query = nil
local token = nil
local next_id = 0
local bad = 0
local threads = {}

local function json_string(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n') .. '"'
end

setup = function(thread)
  thread:set("thread_no", #threads)
  table.insert(threads, thread)
end

init = function(args)
  for line in io.lines(os.getenv("LW_IDS_FILE")) do
    table.insert(ids, line)
  end
  local f = assert(io.open(os.getenv("LW_QUERY_FILE"), "r"))
  query = json_string(f:read("*a"))
  f:close()
  token = os.getenv("LW_TOKEN")
  -- Threads start at different places in the list so they do not ask for the same ids in step.
  next_id = (thread_no or 0) * 7919
end

request = function()
  next_id = next_id + 1
  local id = ids[(next_id % #ids) + 1]
  local body = '{"query":' .. query .. ',"variables":{"id":"' .. id .. '"}}'
  return wrk.format("POST", "/graphql", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end

response = function(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) or not body:find('"found":true', 1, true) then
    bad = bad + 1
  end
end

done = function(summary, latency, requests)
  local wrong = 0
  for _, t in ipairs(threads) do
    wrong = wrong + (t:get("bad") or 0)
  end
  io.write(string.format(
    'LWJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"mean_us":%.1f,' ..
    '"errors":%d,"socket_errors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.mean,
    wrong,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
