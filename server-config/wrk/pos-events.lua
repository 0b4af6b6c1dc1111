-- POST /api/v1/pos/events as a till (Bearer WRK_TILL_KEY of store WRK_STORE): RECEIPT and SALE
-- events in turn, each of WRK_LINES lines of one unit of SKUs drawn from WRK_SKUS, so the stock
-- stays level; a new event id each time.
dofile(os.getenv("WRK_DIR") .. "/common.lua")
local skus = list("WRK_SKUS")
local lines = tonumber(os.getenv("WRK_LINES") or "5")
local key = os.getenv("WRK_TILL_KEY")
local store = os.getenv("WRK_STORE") or "BLR-01"
local counter = 0

function request()
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
  local event = string.format(
    '{"eventId":"wrk-%d-%d-%d","storeCode":"%s","occurredAt":"2026-12-01T10:00:00+05:30",'
      .. '"type":"%s","lines":[%s]}',
    os.time(), thread_id, counter, store, counter % 2 == 0 and "SALE" or "RECEIPT",
    table.concat(body, ","))
  return wrk.format("POST", "/api/v1/pos/events",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key}, event)
end
