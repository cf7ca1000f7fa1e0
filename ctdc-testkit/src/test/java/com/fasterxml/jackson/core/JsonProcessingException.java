package com.fasterxml.jackson.core;

import java.io.IOException;

/**
 * A stand-in for Jackson's parser exception, which the testkit recognises by name (it does not depend on
 * Jackson). Only on the testkit's own test class path.
 */
public class JsonProcessingException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param message the message */
  public JsonProcessingException(String message) {
    super(message);
  }
}
