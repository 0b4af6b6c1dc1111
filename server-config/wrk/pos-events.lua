-- POST /api/v1/pos/events as a till (Bearer WRK_TILL_KEY of store WRK_STORE): RECEIPT and SALE
-- events in turn, each of WRK_LINES lines of one unit of SKUs drawn from WRK_SKUS, so the stock
-- stays level; a new event id each time. With WRK_BATCH above 1, as a store bridge sends them:
-- that many events per POST /api/v1/pos/event-batches, and an answer with an event not applied
-- counts as an error.
dofile(os.getenv("WRK_DIR") .. "/common.lua")
local skus = list("WRK_SKUS")
local lines = tonumber(os.getenv("WRK_LINES") or "5")
local key = os.getenv("WRK_TILL_KEY")
local store = os.getenv("WRK_STORE") or "BLR-01"
local batch = tonumber(os.getenv("WRK_BATCH") or "1")
local counter = 0
failed = 0

local function event()
  counter = counter + 1
  local chosen = {}
  local body = {}
  while #body < lines do
    local sku = skus[math.random(#skus)]
    if not chosen[sku] then
      chosen[sku] = true
      table.insert(body, '{"sku":"' .. sku .. '","quantity":1}')
    end
  end
  return string.format(
    '{"eventId":"wrk-%d-%d-%d","storeCode":"%s","occurredAt":"2026-12-01T10:00:00+05:30",'
      .. '"type":"%s","lines":[%s]}',
    os.time(), thread_id, counter, store, counter % 2 == 0 and "SALE" or "RECEIPT",
    table.concat(body, ","))
end

local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}

function request()
  if batch <= 1 then
    return wrk.format("POST", "/api/v1/pos/events", headers, event())
  end
  local events = {}
  for i = 1, batch do
    table.insert(events, event())
  end
  return wrk.format("POST", "/api/v1/pos/event-batches", headers,
    '{"events":[' .. table.concat(events, ",") .. ']}')
end

function response(status, headers, body)
  if batch > 1 and status == 200 and (body:find('"REJECTED"', 1, true) or body:find('"NOT_APPLIED"', 1, true)) then
    failed = failed + 1
  end
end
