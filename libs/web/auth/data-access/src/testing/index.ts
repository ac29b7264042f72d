export * from './session-users';
export * from './signed-in-test-bed';
