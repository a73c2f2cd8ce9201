-- wrk script for scripts/bench/pages.sh: every request carries one of the logged-in sessions listed in a file (one
-- JSESSIONID a line), so that wrk's connections do not all queue on one session.
--   wrk -t2 -c64 -s sessions.lua URL -- SESSION_FILE THREADS
-- Thread k of n takes sessions k, k+n, k+2n, ... and uses them round robin: with as many sessions as connections,
-- each thread's in-flight requests carry different sessions (wrk does not tell a script which connection a request
-- goes out on, so this is one session per connection in effect, not by construction).
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  local threads = tonumber(args[2])
  local all = {}
  for line in io.lines(args[1]) do
    if #line > 0 then all[#all + 1] = line end
  end
  mine = {}
  for i = id, #all, threads do mine[#mine + 1] = all[i] end
  if #mine == 0 then error("no session for thread " .. id) end
  turn = 0
end

function request()
  turn = turn % #mine + 1
  wrk.headers["Cookie"] = "JSESSIONID=" .. mine[turn]
  return wrk.format()
end
