/** Starts each line of the tests' report, so that the runner outside can tell it from the workbench's own log. */
export const reportMarker = '[extension-host tests] ';
