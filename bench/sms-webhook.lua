-- wrk script for bench/sms-webhook: each request is a distinct inbound text (its own MessageSid), signed the way
-- Twilio signs it (Base64 HMAC-SHA1 of the URL and the sorted parameters, keyed with the auth token), computed here.
-- Settings come from the environment: PA_BENCH_TOKEN, PA_BENCH_URL (the signed public URL), PA_BENCH_FROM, PA_BENCH_BODY.
local bit = require("bit")
local band, bor, bxor, bnot, lshift, rshift, rol, tobit = bit.band, bit.bor, bit.bxor, bit.bnot, bit.lshift, bit.rshift, bit.rol, bit.tobit

local function be32(n)
  return string.char(band(rshift(n, 24), 255), band(rshift(n, 16), 255), band(rshift(n, 8), 255), band(n, 255))
end

local function sha1(msg)
  local h0, h1, h2, h3, h4 = tobit(0x67452301), tobit(0xEFCDAB89), tobit(0x98BADCFE), tobit(0x10325476), tobit(0xC3D2E1F0)
  local len = #msg
  msg = msg .. "\128" .. string.rep("\0", (55 - len) % 64) .. be32(0) .. be32(len * 8)
  local w = {}
  for chunk = 1, #msg, 64 do
    for i = 0, 15 do
      local a, b, c, d = msg:byte(chunk + i * 4, chunk + i * 4 + 3)
      w[i] = bor(lshift(a, 24), lshift(b, 16), lshift(c, 8), d)
    end
    for i = 16, 79 do
      w[i] = rol(bxor(w[i - 3], w[i - 8], w[i - 14], w[i - 16]), 1)
    end
    local a, b, c, d, e = h0, h1, h2, h3, h4
    for i = 0, 79 do
      local f, k
      if i < 20 then f, k = bor(band(b, c), band(bnot(b), d)), 0x5A827999
      elseif i < 40 then f, k = bxor(b, c, d), 0x6ED9EBA1
      elseif i < 60 then f, k = bor(band(b, c), band(b, d), band(c, d)), 0x8F1BBCDC
      else f, k = bxor(b, c, d), 0xCA62C1D6 end
      a, b, c, d, e = tobit(rol(a, 5) + f + e + k + w[i]), a, rol(b, 30), c, d
    end
    h0, h1, h2, h3, h4 = tobit(h0 + a), tobit(h1 + b), tobit(h2 + c), tobit(h3 + d), tobit(h4 + e)
  end
  return be32(h0) .. be32(h1) .. be32(h2) .. be32(h3) .. be32(h4)
end

local function hmac_sha1(key, msg)
  if #key > 64 then key = sha1(key) end
  key = key .. string.rep("\0", 64 - #key)
  local ipad, opad = {}, {}
  for i = 1, 64 do
    local byte = key:byte(i)
    ipad[i] = string.char(bxor(byte, 0x36))
    opad[i] = string.char(bxor(byte, 0x5C))
  end
  return sha1(table.concat(opad) .. sha1(table.concat(ipad) .. msg))
end

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function base64(data)
  local out = {}
  for i = 1, #data, 3 do
    local present = math.min(3, #data - i + 1)
    local a, b, c = data:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    for j = 1, 4 do
      if j <= present + 1 then
        local index = band(rshift(n, 6 * (4 - j)), 63) + 1
        out[#out + 1] = alphabet:sub(index, index)
      else
        out[#out + 1] = "="
      end
    end
  end
  return table.concat(out)
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(ch) return string.format("%%%02X", ch:byte()) end))
end

local token = os.getenv("PA_BENCH_TOKEN")
local signed_url = os.getenv("PA_BENCH_URL")
local from = os.getenv("PA_BENCH_FROM")
local text = os.getenv("PA_BENCH_BODY") or "buy milk tomorrow"

local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("thread_id", thread_id)
end

function init(args)
  math.randomseed(os.time() + thread_id)
  run = string.format("%08x", math.random(0, 0x7fffffff))
end

function request()
  counter = counter + 1
  local sid = string.format("SM%s%02d%022d", run, thread_id, counter)
  local params = {
    AccountSid = "AC0123456789abcdef0123456789abcdef", ApiVersion = "2010-04-01", Body = text, From = from,
    FromCountry = "FR", MessageSid = sid, NumMedia = "0", NumSegments = "1", SmsMessageSid = sid, SmsSid = sid,
    SmsStatus = "received", To = "+14155550100", ToCountry = "US",
  }
  local names = {}
  for name in pairs(params) do names[#names + 1] = name end
  table.sort(names)
  local data, form = { signed_url }, {}
  for _, name in ipairs(names) do
    data[#data + 1] = name .. params[name]
    form[#form + 1] = name .. "=" .. urlencode(params[name])
  end
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Twilio-Signature"] = base64(hmac_sha1(token, table.concat(data))),
  }
  return wrk.format("POST", "/sms/twilio", headers, table.concat(form, "&"))
end
