// Child process for the crash tests: appends run `n` (see helpers.nthResults) to the store in argv[2].
// FERPA_READY_TEST_CRASH_AFTER=results|manifest makes the store SIGKILL this process mid-write.
import { openLocalStore } from '../../checks/store/local.js';
import { nthResults } from './helpers.js';

const [dir, n] = process.argv.slice(2);
const run = await openLocalStore(dir!).append(nthResults(Number(n)));
process.stdout.write(`${run.id}\n`);
