// Loaded with `node --import` into a benchmarked CLI run: prints the process's own peak memory and CPU
// time (worker threads included) to stderr as it exits, for bench/cli.ts to read.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nBENCH ${JSON.stringify({ maxRssMb: u.maxRSS / 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })}\n`);
});
