export {
  readMessage,
  decodeText,
  MessageFormatError,
  MAX_MESSAGE_BYTES,
  type CustomerMessage,
} from './read-message';
