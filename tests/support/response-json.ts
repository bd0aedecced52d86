/**
 * A parsed HTTP response body as the route tests read it: field by field, straight into an
 * assertion, so a missing field reads as undefined and fails the assertion that reads it.
 * Typed bodies come with the one route map in shared/ (issue 13); until then this is the one
 * loose type in the tests, named, instead of `any` at every helper.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: tests assert on the shape
export type ResponseJson = any;
