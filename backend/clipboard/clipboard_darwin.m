// Built by cgo on macOS only (the _darwin suffix), without ARC: what is allocated here is
// released here, and each call drains its own autorelease pool (cgo calls come from
// threads AppKit knows nothing of).
#import <AppKit/AppKit.h>
#include "clipboard_darwin.h"

// The marker of the nspasteboard.org convention that password managers set: clipboard
// managers and history tools (Maccy, Alfred, Raycast, Paste...) leave such an entry out.
static NSString *const concealedType = @"org.nspasteboard.ConcealedType";

long proofkeys_pasteboard_write(const char *text, size_t len) {
  NSAutoreleasePool *pool = [[NSAutoreleasePool alloc] init];
  long count = -1;
  NSString *s = [[NSString alloc] initWithBytes:text length:len encoding:NSUTF8StringEncoding];
  if (s != nil) {
    NSPasteboard *pb = [NSPasteboard generalPasteboard];
    [pb clearContents];
    // The marker first: if it fails, the text is never put there unmarked.
    if ([pb setString:@"" forType:concealedType] && [pb setString:s forType:NSPasteboardTypeString]) {
      count = (long)[pb changeCount];
    } else {
      [pb clearContents];
    }
    [s release];
  }
  [pool drain];
  return count;
}

long proofkeys_pasteboard_change_count(void) {
  NSAutoreleasePool *pool = [[NSAutoreleasePool alloc] init];
  long count = (long)[[NSPasteboard generalPasteboard] changeCount];
  [pool drain];
  return count;
}

void proofkeys_pasteboard_clear(void) {
  NSAutoreleasePool *pool = [[NSAutoreleasePool alloc] init];
  [[NSPasteboard generalPasteboard] clearContents];
  [pool drain];
}
