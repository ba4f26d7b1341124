// The password functions live with the account use cases (src/app/accounts); re-exported here
// for the modules and tests that import them from the server.
export {
  hashPassword,
  verifyPassword,
  dummyPasswordHash,
  generatePassword,
  MIN_PASSWORD_LENGTH,
} from '../../app/accounts/index.js';
