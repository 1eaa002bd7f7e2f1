import { describeFuzz } from '../helpers/fuzz';

// The fuzz test of issue 12 at full length (see helpers/fuzz.ts); a short run is in the protocol tests.
describeFuzz(10_000);
