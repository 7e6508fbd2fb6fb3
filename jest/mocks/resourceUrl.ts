/** Every `@salesforce/resourceUrl/<name>` resolves to this path in tests; loadScript's mock maps it to a file. */
export default '/resource/mock';
