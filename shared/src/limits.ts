/** Input limits shared by the REST schemas and the client's forms. */
export const Limits = {
  emailMax: 254,
  nameMax: 120,
  passwordMin: 10,
  passwordMax: 256,
  organisationNameMax: 200,
  titleMax: 300,
  /** Largest JSON body the REST API reads. */
  jsonBodyBytes: 64 * 1024,
} as const;
