"""Theme projects of a network (e.g. PLINT Ondervoeding): permissions, reads, writes, views.

Who sees a project: the current members of its network (and of the networks it is shared
with), its project members, and the partners' people — anyone whose current membership in
any network is on behalf of an organisation that is a partner of the project. That is how
a food-sector company or a research group that is not itself a member of the network
follows the project it works on. Who changes it: the coordinators of its network and its
project leads. Project members also log PDSA cycles, milestone progress and outputs (a
document, a link or both), and may remove an output again.
"""
