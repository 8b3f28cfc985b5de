// Runs a script the way an Electron utilityProcess does, in a forked Node: messages arrive on
// process.parentPort as { data } events and leave through process.parentPort.postMessage.
// Like Electron's parent port, messages wait until the first 'message' listener is added.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

const port = new EventEmitter();
const waiting = [];
let started = false;
port.on('newListener', (event) => {
  if (event !== 'message' || started) return;
  started = true;
  setImmediate(() => waiting.splice(0).forEach((message) => port.emit('message', { data: message })));
});
port.postMessage = (message) => process.send(message);
process.on('message', (message) => (started ? port.emit('message', { data: message }) : waiting.push(message)));
process.parentPort = port;
await import(pathToFileURL(process.argv[2]).href);
