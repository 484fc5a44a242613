import CMimalloc
import SavnetCommands

// Linked, mimalloc takes over malloc and free for the whole process (libyaml's, the
// Swift runtime's): a front matter makes some 1,500 small allocations in libyaml alone,
// and glibc's allocator cost a tenth of a check. Asking its version keeps the link.
_ = mi_version()
SavnetCommand.start()
