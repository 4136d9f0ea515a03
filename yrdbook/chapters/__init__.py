"""What each page of the book computes, one module per notebook of ``book/``.

=================  ========================  ===================
module             chapter of the book       paper section
=================  ========================  ===================
``intro``          Introduction              abstract, intro
``evolution``      Chapter 1                 I
``docking``        Chapter 2                 II.1–II.3
``drivers``        Chapter 3                 II.4
``mechanisms``     Chapter 4                 III
``conclusion``     Chapter 5                 IV
``appendices``     Appendices                (the whole paper)
``common``         shared by chapters 2, 4   II, III.1
=================  ========================  ===================

Each chapter module offers ``facts(data)``: the values its prose glues, by name. A chapter
module never imports another chapter's; what two chapters share lives in ``common`` or in
``yrdbook.data``.
"""
