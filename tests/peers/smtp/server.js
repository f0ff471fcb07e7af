// A real SMTP server for the tests of the gateway's SMTP mail sender (spec/test-peers.md).
// usage: node server.js PORT [--key KEY.pem --cert CERT.pem] [--user NAME --password SECRET] [--no-starttls]
// Prints "listening PORT" once ready, then one JSON line per accepted message:
// {"from","to":[...],"user","secure","subject","text","html","headers":{...}} parsed by mailparser.
"use strict";
const fs = require("fs");
const { SMTPServer } = require("smtp-server");
const { simpleParser } = require("mailparser");

const args = process.argv.slice(2);
const port = Number(args[0]);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const user = option("--user");
const password = option("--password");
const key = option("--key");
const cert = option("--cert");

const server = new SMTPServer({
  logger: false,
  authOptional: !user,
  authMethods: ["PLAIN", "LOGIN"],
  allowInsecureAuth: true,
  hideSTARTTLS: args.includes("--no-starttls") || !key,
  key: key ? fs.readFileSync(key) : undefined,
  cert: cert ? fs.readFileSync(cert) : undefined,
  onAuth(auth, session, callback) {
    if (auth.username === user && auth.password === password) {
      return callback(null, { user: auth.username });
    }
    return callback(new Error("Invalid username or password"));
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const headers = {};
        for (const [name, value] of mail.headers) {
          headers[name] = typeof value === "string" ? value : JSON.stringify(value);
        }
        process.stdout.write(JSON.stringify({
          from: session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user || null,
          secure: session.secure,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers,
        }) + "\n");
        callback();
      })
      .catch((e) => callback(e));
  },
});
server.on("error", (e) => process.stderr.write(String(e) + "\n"));
server.listen(port, "127.0.0.1", () => process.stdout.write(`listening ${port}\n`));
