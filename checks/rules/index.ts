// Every code check module registers itself on import; the engine imports this file once.
export {};
