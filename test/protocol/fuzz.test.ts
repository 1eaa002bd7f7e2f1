import { describeFuzz } from '../helpers/fuzz';

// A short run of the fuzz test (see helpers/fuzz.ts), in the fast group; the slow group runs 10,000 edits.
describeFuzz(300);
