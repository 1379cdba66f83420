#!/usr/bin/env node
// A real SMTP server for the tests (npm smtp-server + mailparser), on 127.0.0.1 only.
//
//   node scripts/test-smtp-server.mjs <port|0> <folder> [slow-ms]
//
// Prints "listening <port>" once it accepts connections (0 picks a free port). Any login is accepted, and so is
// none; there is no TLS. Each accepted message is written to <folder> as <n>.eml (the raw message) and <n>.json
// (envelope, subject, text, Message-ID, attachments with their SHA-256). The .json is renamed into place last,
// so a reader that sees it also sees the whole message.
//
// Recipients that make it misbehave, for failure tests:
//   tempfail@…    451 on RCPT TO, every time
//   tempfail-N@…  451 on RCPT TO the first N times that address is tried, then accepted
//   reject@…      550 on RCPT TO
//   slow@…        takes the whole message, then waits slow-ms (default 3000) before it answers the end of DATA,
//                 and keeps the message: a client that timed out cannot know it was delivered.
//
// It exits when its standard input closes, so a test process that dies does not leave it running.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const [portArgument, folder, slowArgument] = process.argv.slice(2);
if (portArgument === undefined || folder === undefined) {
  console.error('usage: node scripts/test-smtp-server.mjs <port|0> <folder> [slow-ms]');
  process.exit(2);
}

const slowMs = Number(slowArgument ?? 3000);
mkdirSync(folder, { recursive: true });

const tempFailures = new Map();
let received = 0;

function localPart(address) {
  return address.slice(0, address.lastIndexOf('@')).toLowerCase();
}

function smtpError(message, responseCode) {
  return Object.assign(new Error(message), { responseCode });
}

function checkRecipient(address) {
  const local = localPart(address);
  if (local === 'reject') {
    return smtpError(`Mailbox ${address} does not exist`, 550);
  }

  const tempfail = /^tempfail(?:-(\d+))?$/.exec(local);
  if (tempfail) {
    const tries = (tempFailures.get(address) ?? 0) + 1;
    tempFailures.set(address, tries);
    if (tempfail[1] === undefined || tries <= Number(tempfail[1])) {
      return smtpError(`Mailbox ${address} is busy, try again later`, 451);
    }
  }

  return null;
}

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(chunk);
  }

  return Buffer.concat(chunks);
}

async function store(raw, session) {
  const parsed = await simpleParser(raw);
  const n = ++received;
  const record = {
    envelope: {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
      to: session.envelope.rcptTo.map((r) => r.address),
    },
    user: session.user ?? null,
    from: parsed.from?.text ?? null,
    to: parsed.to?.text ?? null,
    replyTo: parsed.replyTo?.text ?? null,
    subject: parsed.subject ?? null,
    text: parsed.text ?? null,
    messageId: parsed.messageId ?? null,
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      size: a.content.length,
      sha256: createHash('sha256').update(a.content).digest('hex'),
    })),
  };
  writeFileSync(join(folder, `${n}.eml`), raw);
  writeFileSync(join(folder, `${n}.json.tmp`), JSON.stringify(record, null, 2));
  renameSync(join(folder, `${n}.json.tmp`), join(folder, `${n}.json`));
}

const server = new SMTPServer({
  logger: false,
  secure: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  allowInsecureAuth: true,
  authMethods: ['PLAIN', 'LOGIN'],
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username });
  },
  onRcptTo(address, _session, callback) {
    callback(checkRecipient(address.address) ?? undefined);
  },
  onData(stream, session, callback) {
    readAll(stream)
      .then(async (raw) => {
        if (session.envelope.rcptTo.some((r) => localPart(r.address) === 'slow')) {
          await delay(slowMs);
        }

        await store(raw, session);
        callback();
      })
      .catch((error) => {
        console.error(error);
        callback(smtpError(`Could not store the message: ${error.message}`, 451));
      });
  },
});

// A client that gave up (the slow case) resets its connection; that is expected, not a reason to stop.
server.on('error', (error) => console.error(`smtp: ${error.message}`));

server.listen(Number(portArgument), '127.0.0.1', () => {
  console.log(`listening ${server.server.address().port}`);
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => server.close(() => process.exit(0)));
