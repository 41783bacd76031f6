// The API's one face: the handler table both transports and the CLI call.
export { createHandlers, dispatch, type HandlerOptions, type Handlers } from './handlers';
