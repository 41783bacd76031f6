// Child process for backup-faults.test.ts: opens a store (as another user, when the test runs
// as root, since root may write any file) and prints how that went as one JSON line.
import { openStore } from '../open';

try {
  openStore({ file: process.argv[2]!, autoBackup: false }).close();
  console.log(JSON.stringify({ opened: true }));
} catch (error) {
  console.log(JSON.stringify({ name: (error as Error).name, message: (error as Error).message }));
}
