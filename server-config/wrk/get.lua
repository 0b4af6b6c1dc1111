-- GET of the URL given to wrk, with the headers in WRK_HEADERS ("Name: value" lines): a
-- shopper's cookie, for example.
dofile(os.getenv("WRK_DIR") .. "/common.lua")
local headers = {}
for line in string.gmatch(os.getenv("WRK_HEADERS") or "", "[^\n]+") do
  local name, value = string.match(line, "^([^:]+):%s*(.*)$")
  if name then headers[name] = value end
end

function request()
  return wrk.format("GET", nil, headers)
end
