// Validates an OpenAPI document (@seriousme/openapi-schema-validator) and then every recorded response against it
// (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses): the status must be documented for the operation, and a JSON body must
// match the documented schema of its content type. Usage: node check-openapi.mjs openapi.json responses.json
// responses.json: [{method, template, status, contentType, body}]. Prints a JSON summary; exit code 1 on any error.
import fs from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [docFile, responsesFile] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(docFile, "utf8"));
const responses = JSON.parse(fs.readFileSync(responsesFile, "utf8"));
const errors = [];

const documentCheck = await new Validator().validate(structuredClone(doc));
if (!documentCheck.valid) errors.push({ where: "document", errors: documentCheck.errors });

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addSchema(doc, "openapi.json");
const pointer = s => s.replace(/~/g, "~0").replace(/\//g, "~1");

let checked = 0;
for (const r of responses) {
  const op = doc.paths?.[r.template]?.[r.method.toLowerCase()];
  const where = `${r.method} ${r.template} → ${r.status}`;
  if (!op) { errors.push({ where, error: "operation not in the document" }); continue; }
  const key = op.responses?.[String(r.status)] ? String(r.status) : op.responses?.default ? "default" : null;
  if (!key) { errors.push({ where, error: `status not documented (documented: ${Object.keys(op.responses ?? {}).join(", ")})` }); continue; }
  checked++;
  const media = (r.contentType ?? "").split(";")[0].trim();
  const content = op.responses[key].content;
  if (!r.body || !media) continue;
  if (!content) { errors.push({ where, error: `body of ${media} but no content documented` }); continue; }
  const documented = content[media] ? media : Object.keys(content).find(k => k.endsWith("/*") || k === "*/*");
  if (!documented) { errors.push({ where, error: `content type ${media} not documented (${Object.keys(content).join(", ")})` }); continue; }
  const schema = content[documented].schema;
  if (!schema || !media.includes("json")) continue;
  const ref = `openapi.json#/paths/${pointer(r.template)}/${r.method.toLowerCase()}/responses/${key}/content/${pointer(documented)}/schema`;
  const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
  if (!validate(JSON.parse(r.body))) errors.push({ where, error: validate.errors.slice(0, 5) });
}
console.log(JSON.stringify({ responses: responses.length, checked, errors }, null, 1));
process.exit(errors.length ? 1 : 0);
