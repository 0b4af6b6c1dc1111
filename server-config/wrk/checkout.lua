-- POST /api/v1/checkout as a guest with the test gateway: one line of a SKU drawn from WRK_SKUS
-- (comma-separated), a new Idempotency-Key and email each time.
dofile(os.getenv("WRK_DIR") .. "/common.lua")
local skus = list("WRK_SKUS")
local counter = 0

function request()
  counter = counter + 1
  local sku = skus[math.random(#skus)]
  local key = string.format("bench-%d-%d-%d", os.time(), thread_id, counter)
  local body = '{"email":"bench-' .. thread_id .. '-' .. counter .. '@example.in",'
    .. '"shippingAddress":{"name":"Asha Rao","line1":"12, 4th Cross","city":"Bengaluru",'
    .. '"state":"Karnataka","postalCode":"560038","country":"IN","phone":"9845012345"},'
    .. '"shippingMethod":"standard","lines":[{"sku":"' .. sku .. '","quantity":1}],'
    .. '"payment":{"method":"test","token":"tok_ok"}}'
  return wrk.format("POST", "/api/v1/checkout",
    {["Content-Type"] = "application/json", ["Idempotency-Key"] = key}, body)
end

function response(status, headers, body)
  if status ~= 201 then
    io.stderr:write("checkout answered " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
  end
end
