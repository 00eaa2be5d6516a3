// Global test setup: starts the real parts the tests need (extended by the live, report and API suites).
export async function setup(): Promise<void> {}
export async function teardown(): Promise<void> {}
