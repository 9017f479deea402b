-- wrk script for bench/load: each connection mixes reads and writes of one tenant through the
-- gateway. LOAD_TOKEN is an owner's access token, LOAD_CUSTOMER one of the tenant's customers.
-- In the end it prints "figure <name> <value>" lines that LoadBenchmark reads.
local token = os.getenv("LOAD_TOKEN")
local customer = os.getenv("LOAD_CUSTOMER")
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  reads = 0
  writes = 0
  failures = 0
  math.randomseed(id * 7919 + os.time())
end

local json = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
local read_only = { ["Authorization"] = "Bearer " .. token }
local searches = { "כהן", "לוי", "052", "תל", "א" }

function request()
  counter = counter + 1
  local r = math.random(100)
  if r <= 40 then
    reads = reads + 1
    return wrk.format("GET", "/api/crm/customers?page=" .. math.random(40) .. "&limit=25&sort=name", read_only)
  elseif r <= 55 then
    reads = reads + 1
    local q = searches[math.random(#searches)]
    return wrk.format("GET", "/api/crm/customers?limit=25&q=" .. q:gsub("[^%w]", function(c)
      return string.format("%%%02X", string.byte(c))
    end), read_only)
  elseif r <= 65 then
    reads = reads + 1
    return wrk.format("GET", "/api/tasks?range=week", read_only)
  elseif r <= 75 then
    reads = reads + 1
    return wrk.format("GET", "/api/customers/" .. customer .. "/timeline", read_only)
  elseif r <= 90 then
    writes = writes + 1
    local phone = string.format("+9725%d%07d", 3 + id, counter)
    return wrk.format("POST", "/api/crm/customers", json,
      '{"name":"לקוח עומס ' .. id .. '-' .. counter .. '","phone":"' .. phone .. '","source":"manual"}')
  else
    writes = writes + 1
    return wrk.format("POST", "/api/tasks", json,
      '{"title":"משימת עומס ' .. id .. '-' .. counter .. '","customerId":"' .. customer ..
      '","dueAt":"2030-01-01T09:00:00Z","channel":"call"}')
  end
end

function response(status, headers, body)
  if status >= 400 then
    failures = failures + 1
    if failures <= 3 then
      io.stderr:write("HTTP " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local reads_total, writes_total, failures_total = 0, 0, 0
  for _, thread in ipairs(threads) do
    reads_total = reads_total + thread:get("reads")
    writes_total = writes_total + thread:get("writes")
    failures_total = failures_total + thread:get("failures")
  end
  local e = summary.errors
  print("figure requests " .. summary.requests)
  print("figure duration_us " .. summary.duration)
  print("figure reads " .. reads_total)
  print("figure writes " .. writes_total)
  print("figure http_errors " .. failures_total)
  print("figure socket_errors " .. (e.connect + e.read + e.write + e.timeout))
  print("figure timeouts " .. e.timeout)
  for _, p in ipairs({ 50, 90, 99 }) do
    print("figure p" .. p .. "_us " .. latency:percentile(p))
  end
  print("figure max_us " .. latency.max)
end
