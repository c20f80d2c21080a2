-- wrk script for IngestBenchmark: posts pre-signed webhook bodies, each once per run.
-- Usage: wrk -t2 ... -s signed-bodies.lua URL -- BODIES_FILE PATH OFFSET
-- Each line of BODIES_FILE is "<hex signature> <body>"; a run with another OFFSET sends other bodies.
local signatures, bodies, count, next = {}, {}, 0, 0
local path = "/"
local thread_index = 0

function setup(thread)
  thread:set("thread_index", thread_index)
  thread_index = thread_index + 1
end

function init(args)
  path = args[2]
  for line in io.lines(args[1]) do
    count = count + 1
    local space = string.find(line, " ", 1, true)
    signatures[count] = string.sub(line, 1, space - 1)
    bodies[count] = string.sub(line, space + 1)
  end
  -- two threads, two runs (warm-up and measurement): four quarters of the file, never the same body twice
  next = tonumber(args[3]) + thread_index * math.floor(count / 4)
end

function request()
  next = next + 1
  local k = (next % count) + 1
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["X-Hub-Signature-256"] = "sha256=" .. signatures[k]
  }, bodies[k])
end
